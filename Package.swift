// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: source → reader → document model → classify → extract → validate →
// record → store / report. One module per stage; the CLI is a thin layer on top.
let package = Package(
    name: "Intake",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "intake", targets: ["intake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        // C libraries, through pkg-config, with the Debian package that provides each.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CGMime", pkgConfig: "gmime-3.0", providers: [.apt(["libgmime-3.0-dev"])]),
        // zlib: a DOCX's parts, and a PDF's compressed streams looked into before poppler reads them.
        .systemLibrary(name: "CZlibInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Linux calls behind _GNU_SOURCE (renameat2, file leases), for the inbox.
        .systemLibrary(name: "CLinux"),

        // The one error type: a stable code and a message free of document content.
        .target(name: "IntakeErrors"),
        // The one document model every reader produces.
        .target(name: "IntakeDocument", dependencies: ["IntakeErrors"]),
        // DOCX (libxml2, zlib), PDF (poppler-glib) and e-mail (GMime) readers.
        .target(name: "IntakeReaders", dependencies: [
            "IntakeDocument", "CLibXML2", "CPoppler", "CGMime", "CZlibInflate",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The output contract: case records, fields, findings.
        .target(name: "IntakeRecord"),
        // Form and policy mappings: YAML data in mappings/.
        .target(name: "IntakeMapping", dependencies: [
            .product(name: "Yams", package: "Yams"),
        ]),
        // Recognise the form, pull typed values out of the document model.
        .target(name: "IntakeExtraction", dependencies: ["IntakeDocument", "IntakeMapping", "IntakeRecord"]),
        // Findings from the mapping and the partnership's policy; the working-day calendar.
        .target(name: "IntakeValidation", dependencies: ["IntakeErrors", "IntakeMapping", "IntakeRecord"]),
        // Where records live: SQLite (GRDB) by default, PostgreSQL (PostgresNIO) for shared use.
        .target(name: "IntakeStore", dependencies: [
            "IntakeRecord", "IntakeErrors",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // What submitters and the business unit read.
        // HTML through Plot, escaped by construction.
        .target(name: "IntakeReports", dependencies: [
            "IntakeRecord", "IntakeMapping", "IntakeValidation", "CGMime",
            .product(name: "Plot", package: "Plot"),
        ]),
        // Wires the stages together for one file, a batch or an inbox.
        .target(name: "IntakePipeline", dependencies: [
            "IntakeErrors", "IntakeDocument", "IntakeReaders", "IntakeRecord", "IntakeMapping",
            "IntakeExtraction", "IntakeValidation",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The unattended inbox: claims files, has them read and stored, files them.
        .target(name: "IntakeInbox", dependencies: [
            "CLinux", "IntakeErrors", "IntakeRecord", "IntakePipeline", "IntakeStore", "IntakeReports",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "intake", dependencies: [
            "IntakeDocument", "IntakeReaders", "IntakeRecord", "IntakeMapping", "IntakePipeline", "IntakeExtraction",
            "IntakeStore", "IntakeReports", "IntakeInbox",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        // What the test suites share: their paths, one DOCX builder, one runner of the binary.
        .target(name: "IntakeTestSupport", dependencies: [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Tests/IntakeTestSupport"),
        .testTarget(name: "IntakeReadersTests", dependencies: [
            "IntakeReaders", "IntakeDocument", "IntakeTestSupport", "CZlibInflate",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "IntakeExtractionTests", dependencies: [
            "IntakePipeline", "IntakeExtraction", "IntakeValidation", "IntakeMapping", "IntakeRecord",
            "IntakeReaders", "IntakeDocument", "IntakeTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "IntakeStoreTests", dependencies: [
            "IntakeStore", "IntakeRecord", "IntakeTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "IntakeCLITests", dependencies: ["IntakeRecord", "IntakeTestSupport"]),
        .testTarget(name: "IntakeReportsTests", dependencies: [
            "IntakeReports", "IntakePipeline", "IntakeMapping", "IntakeRecord", "IntakeStore", "CLibXML2", "CGMime", "IntakeTestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
