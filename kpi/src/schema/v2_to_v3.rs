//! Version 2 → 3: datasets hold SMART goals (`data.goals`). Version 2 had none, so the
//! step adds an empty list; the bump itself is what matters — an app that knows only
//! version 2 sees version 3 as newer and opens it read-only instead of saving over the
//! goals it cannot read.

use serde_json::{json, Value};

/// The migration step registered in [`super::MIGRATIONS`].
pub(super) fn migrate(mut data: Value) -> Result<Value, String> {
    let Value::Object(object) = &mut data else {
        return Err("\"data\" is not an object".into());
    };
    match object.get("goals") {
        None | Some(Value::Null) => {
            object.insert("goals".into(), json!([]));
        }
        Some(Value::Array(_)) => {}
        Some(_) => return Err("\"data.goals\" is not a list".into()),
    }
    Ok(data)
}
