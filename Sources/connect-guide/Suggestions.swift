/// The name in `candidates` closest to a misspelt `word` ("plna" → "plan", "expres" →
/// "express"), if one is close enough to be what was meant: at most two edits, and fewer
/// than half the word.
func suggestion(for word: String, among candidates: [String]) -> String? {
    let word = word.lowercased()
    let scored = candidates.map { ($0, editDistance(word, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 > 0, best.1 <= min(2, max(word.count / 2, 1)) else { return nil }
    return best.0
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit ("plna").
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
