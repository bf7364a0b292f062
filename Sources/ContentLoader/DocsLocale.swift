// Stripe's docs in a language. Stored copies of Stripe's localized pages all have the
// English path with a `locale` query parameter (docs.stripe.com/connect/api-onboarding?locale=ja-JP,
// /connect/design-an-integration?locale=de-DE, /connect/accounts?locale=fr-FR,
// /connect/get-started-connect-embedded-components?locale=es-ES); there is no language
// prefix in the path. A page Stripe has not translated yet opens in English under that
// parameter, so every link can carry it. The allow-list (links.json) stays English paths:
// the locale is added here, once, as the guide of a locale is built.

/// Stripe's value of the docs `locale` parameter for one of our locale codes, nil for
/// English and for a language Stripe's docs are not published in.
public func stripeDocsLocale(_ code: String) -> String? {
    switch code {
    case "ja": "ja-JP"
    case "de": "de-DE"
    case "fr": "fr-FR"
    // Spain's Spanish (es-ES); Stripe also publishes Latin American Spanish (es-419).
    case "es": "es-ES"
    default: nil
    }
}

/// `address` with `locale=<docsLocale>` added to its query (before any `#fragment`), or
/// unchanged when `docsLocale` is nil.
public func localizedDocsAddress(_ address: String, docsLocale: String?) -> String {
    guard let docsLocale else { return address }
    let fragmentStart = address.firstIndex(of: "#") ?? address.endIndex
    let page = address[..<fragmentStart]
    let separator = page.contains("?") ? "&" : "?"
    return page + separator + "locale=" + docsLocale + address[fragmentStart...]
}
