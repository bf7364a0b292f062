import ConnectGuideText

/// The executable's strings (Assets/strings/cli.json) for --help, and for messages given
/// before a guide, and with it a language, is at hand: English. The argument parser builds
/// its help from static declarations before it reads a flag, so --help cannot follow a
/// choice of language made by a flag; messages worded with a guide use `guide.text.cli`.
let cliText = UIText.bundled(.en).cli
