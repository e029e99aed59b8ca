//! The JSON Schema of bank files, for editors and for `sidecheck bank schema`.

use super::Bank;

/// The JSON Schema of bank files, as pretty JSON.
pub fn schema_json() -> String {
    crate::schema::text::<Bank>()
}
