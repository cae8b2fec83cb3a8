//! Where a bundle that does not parse went wrong, in the validator's terms: "muscle soleus:
//! missing field `latin`", not "line 1 column 380608" of a one-line file. The parser's position
//! is walked to with a small scanner that tracks which records and fields enclose it, so no
//! second parse (and no code per record type) is shipped for it.

/// A sentence naming the record and field that failed.
pub fn malformed(text: &str, err: &serde_json::Error) -> String {
    let message = strip_position(&err.to_string());
    if text.trim_start().starts_with('<') {
        return format!("it is a web page (HTML), not the atlas data ({message})");
    }
    if err.is_syntax() || err.is_eof() {
        return format!("it is not valid JSON ({err})");
    }
    match enclosing(text, offset(text, err.line(), err.column())) {
        Some(place) => format!("{place}: {message}"),
        None => err.to_string(),
    }
}

/// "missing field `latin` at line 1 column 380608" -> "missing field `latin`".
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The byte offset of a 1-based line and column.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// One object of the file: where it starts and ends, the key of the array it sits in
/// (`muscles` for a muscle), and its `id`.
struct Record {
    start: usize,
    end: usize,
    under: String,
    id: Option<String>,
}

/// Every object of the file with its span (ids may come anywhere among an object's keys), and
/// where each top-level field starts.
fn records(text: &str) -> (Vec<Record>, Vec<(usize, String)>) {
    let bytes = text.as_bytes();
    let mut out: Vec<Record> = Vec::new();
    let mut top: Vec<(usize, String)> = Vec::new();
    // Open containers: Some(record index) for an object, None for an array, with its key.
    let mut open: Vec<(Option<usize>, String)> = Vec::new();
    let (mut key, mut last) = (String::new(), String::new());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                last = text.get(start..i.min(text.len())).unwrap_or("").to_string();
                if key == "id" {
                    if let Some((Some(r), _)) = open.last() {
                        out[*r].id.get_or_insert_with(|| last.clone());
                    }
                    key.clear();
                }
            }
            b':' => {
                key = std::mem::take(&mut last);
                if open.len() == 1 {
                    top.push((i, key.clone()));
                }
            }
            b'{' => {
                let under = match open.last() {
                    Some((None, k)) => k.clone(),
                    _ => String::new(),
                };
                out.push(Record { start: i, end: bytes.len(), under, id: None });
                open.push((Some(out.len() - 1), std::mem::take(&mut key)));
            }
            b'[' => open.push((None, std::mem::take(&mut key))),
            b'}' | b']' => {
                if let Some((Some(r), _)) = open.pop() {
                    out[r].end = i;
                }
            }
            b',' => key.clear(),
            _ => {}
        }
        i += 1;
    }
    (out, top)
}

/// The records enclosing `at`, named as the validator names them: "trigger point soleus/2",
/// "muscle soleus", "zone head.temple", "view front".
/// A record without a readable id (the id may be what is wrong) is named by its place in its
/// list: "muscle #12". Outside every record, the top-level field is named: "`figure`".
fn enclosing(text: &str, at: usize) -> Option<String> {
    let (all, top) = records(text);
    let around = |under: &str| all.iter().find(|r| r.under == under && r.start <= at && at <= r.end);
    let id = |r: &Record| match &r.id {
        Some(id) => id.clone(),
        None => {
            let parent = all.iter().filter(|p| p.start < r.start && r.end <= p.end).map(|p| p.start).max().unwrap_or(0);
            let n = all.iter().filter(|s| s.under == r.under && s.start > parent && s.start <= r.start).count();
            format!("#{n}")
        }
    };
    if let (Some(m), Some(tp)) = (around("muscles"), around("trigger_points")) {
        return Some(format!("trigger point {}/{}", id(m), id(tp)));
    }
    [("muscles", "muscle"), ("zones", "zone"), ("sources", "source"), ("pages", "page"), ("views", "view")]
        .into_iter()
        .find_map(|(list, kind)| around(list).map(|r| format!("{kind} {}", id(r))))
        .or_else(|| top.iter().rev().find(|(start, _)| *start <= at).map(|(_, key)| format!("`{key}`")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scanner_names_the_records_around_a_position() {
        let text = r#"{"muscles":[{"id":"a","trigger_points":[{"x":"y","id":"1"}]},{"name":"B, \"q\"","id":"b"}]}"#;
        let inside_tp = text.find("\"x\"").unwrap();
        assert_eq!(enclosing(text, inside_tp).as_deref(), Some("trigger point a/1"));
        let in_b = text.find("\"B,").unwrap();
        assert_eq!(enclosing(text, in_b).as_deref(), Some("muscle b"));
        assert_eq!(enclosing(text, 1), None);
        let no_id = r#"{"muscles":[{"id":"a"},{"id":[],"name":"x"}],"figure":[]}"#;
        assert_eq!(enclosing(no_id, no_id.find("\"x\"").unwrap()).as_deref(), Some("muscle #2"));
        assert_eq!(enclosing(no_id, no_id.len() - 2).as_deref(), Some("`figure`"));
    }
}
