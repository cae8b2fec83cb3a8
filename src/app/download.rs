//! Saving the figure: an SVG document as a file, or drawn onto a canvas and saved as a PNG.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn click_link(href: &str, filename: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(href);
    a.set_download(filename);
    a.click();
    Ok(())
}

fn svg_url(svg: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Save the SVG document as a file.
pub fn save_svg(svg: &str, filename: &str) -> Result<(), JsValue> {
    let url = svg_url(svg)?;
    click_link(&url, filename)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Draw the SVG at twice its size on a canvas and save that as a PNG file.
pub fn save_png(svg: &str, width: u32, height: u32, filename: &str) -> Result<(), JsValue> {
    let url = svg_url(svg)?;
    let image = web_sys::HtmlImageElement::new()?;
    let filename = filename.to_string();
    let img = image.clone();
    let on_load = Closure::once_into_js(move || {
        let result = (|| -> Result<(), JsValue> {
            let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
            let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
            canvas.set_width(width);
            canvas.set_height(height);
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width as f64, height as f64)?;
            click_link(&canvas.to_data_url_with_type("image/png")?, &filename)
        })();
        if let Err(e) = result {
            web_sys::console::error_1(&e);
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
