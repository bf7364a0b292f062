// The guide content, compiled into Swift at build time: the CompileContent plugin runs
// content-compiler on Assets/*.json and adds the generated BundledGuide.swift, which
// defines `Guide.bundled`. Nothing here reads a file at run time.
import ConnectGuideCore
