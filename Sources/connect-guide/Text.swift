import ConnectGuideText

/// The executable's strings (Assets/strings/cli.json) for --help, and for messages given
/// before a guide is at hand, in the run's locale: --locale is read off the command line
/// before the argument parser builds its help (LocaleOption.swift). Messages worded with a
/// guide use `guide.text.cli`, the same locale.
let cliText = runText.cli
