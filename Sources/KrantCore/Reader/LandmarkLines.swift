/// The lines a reader can jump to in the open article.
struct LandmarkLines {
    let sections: [Int]
    let captions: [Int]

    init(_ reading: ReaderState.Reading) {
        sections = reading.layout.sectionLines(in: reading.article)
        captions = reading.layout.captionLines(in: reading.article)
    }
}
