//! The only reader of the clock and of randomness in the product.

use crate::core::time::Moment;

/// Now, with the learner's current UTC offset.
pub fn now() -> Moment {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC (positive west of Greenwich).
    let offset = -(date.get_timezone_offset() as i32);
    Moment::new(date.get_time() as i64, offset)
}

/// A short random id for this writer (tab or widget instance). Uniqueness, not
/// secrecy, is the goal, so Math.random is enough.
pub fn writer_id() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..10)
        .map(|_| {
            let index = (js_sys::Math::random() * ALPHABET.len() as f64) as usize;
            char::from(ALPHABET[index.min(ALPHABET.len() - 1)])
        })
        .collect()
}

/// A seed for a mock round or a shared drill: short enough to read out and
/// type again; the same seed picks the same questions.
pub fn seed() -> u64 {
    (js_sys::Math::random() * 1_000_000.0) as u64 % 1_000_000
}

/// Calls `tick` every `millis` until the returned handle is dropped.
pub fn every(millis: u32, tick: impl FnMut() + 'static) -> gloo_timers::callback::Interval {
    gloo_timers::callback::Interval::new(millis, tick)
}

/// The folder of the current page, ending in `/`: where embed.js is served.
pub fn page_folder() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let without_query = href.split(['?', '#']).next().unwrap_or_default();
    match without_query.rfind('/') {
        Some(i) => without_query[..=i].to_string(),
        None => "./".to_string(),
    }
}

/// Copies text to the clipboard (where the page is allowed to).
pub async fn copy_text(text: &str) -> Result<(), ()> {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let navigator = web_sys::window()
        .map(|w| JsValue::from(w.navigator()))
        .ok_or(())?;
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    let write: Function = Reflect::get(&clipboard, &"writeText".into())
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}
