// Placeholder replaced by the store.
