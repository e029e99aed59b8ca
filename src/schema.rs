//! JSON Schemas of the files we read and write, as strict validators accept them.

use schemars::JsonSchema;
use serde_json::Value;

/// The JSON Schema of `T`, pretty-printed with a final newline.
pub fn text<T: JsonSchema>() -> String {
    // Through text, to keep schemars' order of keys ("$schema" and "title" first).
    let compact = serde_json::to_string(&schemars::schema_for!(T)).unwrap_or_default();
    let mut schema: Value = serde_json::from_str(&compact).unwrap_or_default();
    make_strict(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Makes the schema one that strict validators (ajv's default strict mode) accept:
/// - takes out schemars' number formats ("uint8", "double", ...), which JSON Schema
///   does not define; the type, minimum and maximum already say the same;
/// - writes a union of several types (`"type": ["boolean", "string"]`) as `anyOf`,
///   since strict mode allows a list of types only for "X or null".
fn make_strict(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            let numeric = fields
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| {
                    f.starts_with("uint") || f.starts_with("int") || f == "double" || f == "float"
                });
            if numeric {
                fields.remove("format");
            }
            let union = fields
                .get("type")
                .and_then(Value::as_array)
                .and_then(|types| {
                    let named = types.iter().filter(|t| t.as_str() != Some("null")).count();
                    (named > 1).then(|| types.clone())
                });
            if let Some(types) = union {
                fields.remove("type");
                let each = types
                    .into_iter()
                    .map(|t| serde_json::json!({ "type": t }))
                    .collect();
                fields.insert("anyOf".into(), Value::Array(each));
            }
            fields.values_mut().for_each(make_strict);
        }
        Value::Array(items) => items.iter_mut().for_each(make_strict),
        _ => {}
    }
}
