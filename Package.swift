// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Trappe",
  products: [
    .executable(name: "trappe", targets: ["trappe"]),
    .library(name: "TrappeCore", targets: ["TrappeCore"]),
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "TrappeCore", linkerSettings: [.linkedLibrary("m")]),
    .target(name: "LineEditing", dependencies: ["CLibEdit"]),
    .executableTarget(name: "trappe", dependencies: ["TrappeCore", "LineEditing"]),
    .executableTarget(name: "trappe-datagen", dependencies: ["TrappeCore"]),
    .testTarget(name: "TrappeCoreTests", dependencies: ["TrappeCore"]),
    .testTarget(
      name: "GoldenTests",
      dependencies: ["TrappeCore"],
      exclude: ["Cases", "Fixtures"]
    ),
  ]
)
