/// Feed parsing and fetching: see FeedParser and FeedFetcher.
