//! The HTTP side of the preview: site files from the current snapshot, the
//! live-reload script and its WebSocket.
//!
//! Every answer comes from memory. Pages get the live-reload script; nothing is
//! cached by the browser, so a reload always shows the newest build.
//!
//! The preview shows unpublished work, so it guards against other web sites open
//! in the same browser: `guard` decides which requests are answered at all; the
//! WebSocket answers only pages of its own origin (browsers do not apply the
//! same-origin rule to WebSockets); every answer tells the browser not to hand it
//! to another origin (`Cross-Origin-Resource-Policy`); and only the site's own
//! pages may run scripts: anything else, a download from `content/bestanden/`
//! above all, is sandboxed, so an SVG or HTML file with a script in it cannot
//! read the site.

use super::guard::{self, Refusal, same_origin};
use super::paths::{content_type, request_key};
use super::reload::{self, Message, SCRIPT, SCRIPT_PATH, SOCKET_PATH};
use super::state::{Shared, Snapshot};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ws::{self, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;

/// The preview's routes. `loopback_only`: the server listens on loopback, so
/// every real request names this machine.
pub fn router(shared: Arc<Shared>, loopback_only: bool) -> Router {
    Router::new()
        .route(SCRIPT_PATH, get(script))
        .route(SOCKET_PATH, get(socket))
        .fallback(site_file)
        .layer(middleware::from_fn_with_state(loopback_only, guard))
        .with_state(shared)
}

/// Answers only the requests `guard::check` lets through; marks every answer
/// as this origin's alone.
async fn guard(State(loopback_only): State<bool>, request: Request, next: Next) -> Response {
    let verdict = guard::check(
        request.version(),
        request.uri(),
        request.headers(),
        loopback_only,
    );
    let mut response = match verdict {
        Ok(()) => next.run(request).await,
        Err(refusal) => refuse(refusal),
    };
    let h = response.headers_mut();
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn refuse(refusal: Refusal) -> Response {
    let (status, text) = match refusal {
        Refusal::Malformed(what) => (StatusCode::BAD_REQUEST, what),
        Refusal::OtherHost => (
            StatusCode::FORBIDDEN,
            "de voorvertoning antwoordt alleen op de adressen van deze computer",
        ),
        Refusal::OtherSite => (
            StatusCode::FORBIDDEN,
            "de voorvertoning geeft haar bestanden niet aan pagina's van andere websites",
        ),
    };
    (status, format!("{text}\n")).into_response()
}

async fn script() -> Response {
    respond(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        Bytes::from_static(SCRIPT.as_bytes()),
    )
}

/// Answers a request for a file of the site.
async fn site_file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut r = StatusCode::METHOD_NOT_ALLOWED.into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let snap = shared.current();
    if !snap.ready {
        // No build has succeeded yet: a page that shows the error and reloads
        // once there is a site.
        let mut r = respond(
            StatusCode::SERVICE_UNAVAILABLE,
            "text/html; charset=utf-8",
            Bytes::from(reload::placeholder(&snap.build_id())),
        );
        r.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(reload::PLACEHOLDER_POLICY),
        );
        return r;
    }
    let Some(key) = request_key(uri.path()) else {
        return not_found(&snap);
    };
    if let Some(bytes) = snap.file(&key) {
        return page_or_file(&snap, &key, bytes, StatusCode::OK);
    }
    // `/elementen/los` is the folder `elementen/los/`: send the browser there, so
    // the page's relative links resolve from the right place.
    if snap.file(&format!("{key}/index.html")).is_some() {
        let mut location = format!("{}/", uri.path());
        if let Some(q) = uri.query() {
            location.push('?');
            location.push_str(q);
        }
        if let Ok(value) = HeaderValue::from_str(&location) {
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            r.headers_mut().insert(header::LOCATION, value);
            return r;
        }
    }
    not_found(&snap)
}

/// The site's own 404 page, with status 404.
fn not_found(snap: &Snapshot) -> Response {
    match snap.file("404.html") {
        Some(bytes) => page_or_file(snap, "404.html", bytes, StatusCode::NOT_FOUND),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn page_or_file(snap: &Snapshot, key: &str, bytes: &Bytes, status: StatusCode) -> Response {
    let kind = content_type(key);
    let page = kind.starts_with("text/html") && !snap.is_download(key);
    let body = if page {
        let is_404 = status == StatusCode::NOT_FOUND;
        Bytes::from(reload::inject(bytes, &snap.build_id(), key, is_404))
    } else {
        bytes.clone()
    };
    let mut r = respond(status, &kind, body);
    if !page && kind != "application/pdf" {
        // Its own origin-less sandbox: a script in it (an SVG or HTML download,
        // opened in a tab) runs, if at all, without access to the site. Used as
        // an image, style or script of a page, a file is not affected. Chromium
        // will not show a PDF in a sandbox, and its viewer keeps PDF scripts
        // away from the site anyway.
        r.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox"),
        );
    }
    r
}

fn respond(status: StatusCode, content_type: &str, body: Bytes) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

async fn socket(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !same_origin(&headers) {
        return refuse(Refusal::OtherSite);
    }
    upgrade.on_upgrade(move |socket| talk(socket, shared))
}

/// Tells one open page about changes until it goes away or the server stops.
async fn talk(mut socket: WebSocket, shared: Arc<Shared>) {
    // Subscribe before greeting, so nothing published in between is missed.
    let mut events = shared.subscribe();
    let mut shutdown = shared.shutdown_signal();
    if send(&mut socket, &shared.hello()).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            event = events.recv() => {
                let message = match event {
                    Ok(m) => m,
                    // Too far behind: the greeting says which build is current.
                    Err(RecvError::Lagged(_)) => shared.hello(),
                    Err(RecvError::Closed) => break,
                };
                if send(&mut socket, &message).await.is_err() {
                    break;
                }
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(ws::Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
            _ = shutdown.changed() => {
                let _ = socket.send(ws::Message::Close(None)).await;
                break;
            }
        }
    }
}

async fn send(socket: &mut WebSocket, message: &Message) -> Result<(), axum::Error> {
    socket
        .send(ws::Message::Text(message.to_json().into()))
        .await
}
