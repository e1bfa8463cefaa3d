import Foundation
import KrantCore
import Testing

@Suite struct BlockJSONTests {
    @Test func readsBackThroughCodable() throws {
        let blocks: [Block] = [
            .paragraph("Tekst met \"aanhalingstekens\", een \\ en een\ttab\nen regel."),
            .section("Balanceeract"), .caption(Caption(credit: "ANP/Hollandse Hoogte", text: "Foto / 日本 😀")),
            .quote("\u{01}stuurteken"), .listItem("punt ë"),
        ]
        let json = BlockJSON.encode(blocks)
        #expect(try JSONDecoder().decode([Block].self, from: Data(json.utf8)) == blocks)
        #expect(BlockJSON.encode([.section("A")]) == #"[{"type":"section","title":"A"}]"#)
        let links = ["https://nos.nl/a?b=\"c\"", "http://x/日本"]
        #expect(try JSONDecoder().decode([String].self, from: Data(BlockJSON.encode(strings: links).utf8)) == links)
        #expect(BlockJSON.encode([]) == "[]")
    }

    @Test func theReaderReadsWhatTheEncoderWrites() {
        let blocks: [Block] = [
            .paragraph("Tekst met \"aanhalingstekens\", een \\ en een\ttab\nen regel \r / \u{08}\u{0C}."),
            .section("Balanceeract"), .caption(Caption(credit: "ANP/Hollandse Hoogte", text: "Foto / 日本 😀")),
            .caption(Caption(credit: "", text: "")),
            .quote("\u{01}stuurteken"), .listItem("punt ë"), .paragraph("e\u{301} begint met een accent"),
        ]
        #expect(BlockJSONReader.blocks(BlockJSON.encode(blocks)) == blocks)
        #expect(BlockJSONReader.blocks(BlockJSON.encode([])) == [])
        let links = ["https://nos.nl/a?b=\"c\"", "http://x/日本", ""]
        #expect(BlockJSONReader.strings(BlockJSON.encode(strings: links)) == links)
        // Escapes JSON allows that the encoder never writes.
        #expect(BlockJSONReader.strings(#"["a\/b","\u00e9\ud83d\ude00"]"#) == ["a/b", "é😀"])
    }

    /// Quotes, backslashes and control characters at every offset, in texts
    /// shorter and longer than the eight bytes the reader tests at once.
    @Test func theReaderReadsEveryOffsetOfAnEscape() {
        let pieces = ["a", "woorden ", "\"", "\\", "\n", "\u{01}", "é", "日本", "😀", "/", "\u{7F}"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let texts = (0..<(1 + next(4))).map { _ in (0..<next(24)).map { _ in pieces[next(pieces.count)] }.joined() }
            let blocks = texts.map { Block.paragraph($0) }
            #expect(BlockJSONReader.blocks(BlockJSON.encode(blocks)) == blocks)
            #expect(BlockJSONReader.strings(BlockJSON.encode(strings: texts)) == texts)
        }
    }

    /// Anything the encoder does not write is left to JSONDecoder: bodies
    /// stored by an older krant, or damaged ones.
    @Test func theReaderGivesUpOnJSONWrittenAnotherWay() {
        for json in [#"[{"text":"a","type":"paragraph"}]"#, #"[ {"type":"section","title":"A"} ]"#,
                     #"[{"type":"kop","title":"A"}]"#, #"[{"type":"section","title":"A"}"#,
                     #"[{"type":"section","title":"A"}]x"#, #"["\ud83d"]"#, "[\"a\u{01}\"]", #"["\x"]"#, ""] {
            #expect(BlockJSONReader.blocks(json) == nil && BlockJSONReader.strings(json) == nil, "\(json)")
        }
    }
}
