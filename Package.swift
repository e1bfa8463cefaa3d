// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "krant",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "krant", targets: ["krant"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "KrantCore",
            exclude: ["Text/generate-width-table.py"]
        ),
        .systemLibrary(name: "CLibxml2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Everything that turns markup into model text (HTML -> blocks, an
        // article's searchable words, caption credits, link numbers), with
        // the converter version the store's search index depends on.
        .target(name: "KrantContent", dependencies: ["KrantCore", "CLibxml2"]),
        .target(
            name: "KrantStore",
            dependencies: [
                "KrantCore",
                // Feed items are stored with their HTML bodies, made into
                // blocks when read (and when indexed for search).
                "KrantContent",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // libcurl, loaded with dlopen on the first fetch (see ccurl.h); its
        // header comes from libcurl4-openssl-dev.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "KrantFeeds", dependencies: ["KrantCore", "KrantContent", "CLibxml2", "CCurl"]),
        .target(name: "KrantSync", dependencies: ["KrantCore", "KrantFeeds", "KrantStore"]),
        // The config file: TOML read by TOMLKit (toml++), checked against
        // krant's settings with file:line:column errors.
        .target(name: "KrantConfig", dependencies: ["KrantCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "KrantTerminal", dependencies: ["CNcursesw", "KrantCore"]),
        .executableTarget(
            name: "krant",
            dependencies: [
                "KrantCore",
                "KrantConfig",
                "KrantStore",
                "KrantTerminal",
                "KrantSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Rooted at the package so the bundled articles can stay in the
            // top-level Resources folder (SwiftPM only bundles resources that
            // lie inside a target's folder, and copies symlinks unresolved).
            path: ".",
            exclude: ["README.md", "Tests", "Resources/man", "Sources/KrantCore", "Sources/KrantContent", "Sources/KrantConfig", "Sources/KrantStore", "Sources/KrantTerminal",
                      "Sources/CNcursesw", "Sources/CLibxml2", "Sources/CCurl", "Sources/KrantFeeds", "Sources/KrantSync", "Sources/krant-bench",
                      "Sources/KrantFuzzing", "Sources/krant-fuzz", "Sources/CLibFuzzer"],
            sources: ["Sources/krant"],
            resources: [.copy("Resources/articles")]
        ),
        .executableTarget(
            name: "krant-bench",
            dependencies: [
                "KrantCore",
                "KrantStore",
                "KrantSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz targets, callable from a test that replays every input a
        // fuzzer ever failed on; `krant-fuzz` runs them under libFuzzer when
        // built by Tests/Fuzz/run-fuzzers (see README, Fuzzing).
        .target(name: "KrantFuzzing", dependencies: ["KrantCore", "KrantContent", "KrantFeeds"]),
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "krant-fuzz", dependencies: ["KrantFuzzing", "CLibFuzzer"]),
        .testTarget(name: "KrantCoreTests", dependencies: ["KrantCore", "ReaderTestSupport"], exclude: ["Snapshots"],
                    resources: [.copy("Fixtures")]),
        // The reader's in-memory data source and test writer, shared by the
        // reader's tests and the contract test that holds the source to the store.
        .target(name: "ReaderTestSupport", dependencies: ["KrantCore"], path: "Tests/ReaderTestSupport"),
        .testTarget(name: "ReaderContractTests", dependencies: ["KrantCore", "KrantStore", "ReaderTestSupport"]),
        .testTarget(name: "KrantContentTests", dependencies: ["KrantContent", "KrantCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KrantStoreTests", dependencies: [
            "KrantCore",
            "KrantContent",
            "KrantStore",
            "KrantFeeds",
            "KrantTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // An HTTP server on 127.0.0.1 for the tests that fetch; test code, so it lives under Tests.
        // GRDB: to find a store's pages, for tests that damage one (`StorePages`).
        // Fixtures: recorded Google Reader sessions (GReaderTranscriptEntry).
        .target(name: "KrantTestSupport", dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
                path: "Tests/KrantTestSupport", resources: [.copy("Fixtures")]),
        .testTarget(name: "KrantFeedsTests", dependencies: ["KrantFeeds", "KrantContent", "KrantCore", "KrantTestSupport",
                                                         "CCurl"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "KrantSyncTests", dependencies: ["KrantSync", "KrantStore", "KrantCore", "KrantTestSupport"]),
        .testTarget(name: "KrantConfigTests", dependencies: ["KrantConfig", "KrantCore"]),
        .testTarget(name: "KrantTerminalTests", dependencies: ["KrantTerminal", "CNcursesw", "KrantCore"]),
        .testTarget(name: "KrantCLITests", dependencies: ["krant", "KrantContent", "KrantCore", "KrantStore",
                                                          "KrantTestSupport"]),
        .testTarget(name: "KrantFuzzingTests", dependencies: ["KrantFuzzing"], exclude: ["Pending"],
                    resources: [.copy("Regressions")]),
        .testTarget(name: "KrantEndToEndTests", dependencies: [
            "krant", "KrantContent", "KrantCore", "KrantStore", "KrantTestSupport",
            // To hold the store's write lock from outside, as another krant would.
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
