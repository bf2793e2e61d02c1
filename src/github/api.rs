//! The GitHub REST client. Every request goes through [`Api::send`], which
//! adds the API version headers, retries rate limits a bounded number of
//! times and transport errors only for reads, and turns error statuses into
//! messages that say what to fix.

use std::time::Duration;

use http::{Method, StatusCode};
use octocrab::Octocrab;
use serde_json::Value;

use super::{GitHubError, PullRequestOptions};

/// The REST API version the requests are written for.
pub const API_VERSION: &str = "2022-11-28";
/// How often a rate-limited request is tried again, and the longest wait.
pub(super) const RATE_LIMIT_RETRIES: usize = 3;
const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);
/// How often a read is tried again after a transport error or a 5xx.
const READ_RETRIES: usize = 2;

pub(super) struct Api {
    client: Octocrab,
    api_url: String,
    repo_path: String,
}

/// A successful answer.
pub(super) struct Answer {
    status: StatusCode,
    json: Value,
}

impl Api {
    pub(super) fn new(options: &PullRequestOptions) -> Result<Api, GitHubError> {
        let setup = |error: octocrab::Error| GitHubError::Setup(error.to_string());
        let client = Octocrab::builder()
            .base_uri(options.api_url.trim_end_matches('/'))
            .map_err(setup)?
            .personal_token(options.token.clone())
            .add_header(
                http::header::ACCEPT,
                "application/vnd.github+json".to_string(),
            )
            .add_header(
                http::HeaderName::from_static("x-github-api-version"),
                API_VERSION.to_string(),
            )
            .add_header(
                http::header::USER_AGENT,
                concat!("chanx/", env!("CARGO_PKG_VERSION")).to_string(),
            )
            .add_retry_config(octocrab::service::middleware::retry::RetryConfig::None)
            .set_connect_timeout(Some(Duration::from_secs(15)))
            .set_read_timeout(Some(Duration::from_secs(60)))
            .build()
            .map_err(setup)?;
        Ok(Api {
            client,
            api_url: options.api_url.clone(),
            repo_path: format!("/repos/{}/{}", options.owner, options.repo),
        })
    }

    /// Sends one request; `allow` lists error statuses returned as answers.
    pub(super) async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        step: &str,
        allow: &[StatusCode],
    ) -> Result<Answer, GitHubError> {
        let uri = format!("{}{path}", self.repo_path);
        let idempotent = method == Method::GET;
        let mut rate_limit_waits = 0;
        let mut read_retries = 0;
        loop {
            let sent = match method {
                Method::GET => self.client._get(uri.as_str()).await,
                Method::POST => self.client._post(uri.as_str(), body).await,
                Method::PATCH => self.client._patch(uri.as_str(), body).await,
                Method::DELETE => self.client._delete(uri.as_str(), body).await,
                _ => unreachable!("only GET, POST, PATCH and DELETE are used"),
            };
            let response = match sent {
                Ok(response) => response,
                Err(error) if idempotent && read_retries < READ_RETRIES => {
                    read_retries += 1;
                    let _ = error;
                    tokio::time::sleep(Duration::from_millis(200 * read_retries as u64)).await;
                    continue;
                }
                Err(error) => {
                    return Err(GitHubError::Transport {
                        api_url: self.api_url.clone(),
                        step: step.to_string(),
                        message: crate::error_chain(&error),
                    })
                }
            };
            let status = response.status();
            let wait = rate_limit_wait(&response);
            let text = self
                .client
                .body_to_string(response)
                .await
                .unwrap_or_default();
            if status.is_success() || allow.contains(&status) {
                return Ok(Answer {
                    status,
                    json: answer_json(&text, step)?,
                });
            }
            if let Some(wait) = wait {
                if rate_limit_waits < RATE_LIMIT_RETRIES {
                    rate_limit_waits += 1;
                    tokio::time::sleep(wait).await;
                    continue;
                }
                return Err(GitHubError::RateLimited {
                    step: step.to_string(),
                });
            }
            if status.is_server_error() && idempotent && read_retries < READ_RETRIES {
                read_retries += 1;
                tokio::time::sleep(Duration::from_millis(200 * read_retries as u64)).await;
                continue;
            }
            return Err(refusal(status, &text, step));
        }
    }

    pub(super) async fn get(&self, path: &str, step: &str) -> Result<Value, GitHubError> {
        Ok(self.send(Method::GET, path, None, step, &[]).await?.json)
    }

    pub(super) async fn get_optional(
        &self,
        path: &str,
        step: &str,
    ) -> Result<Option<Value>, GitHubError> {
        let answer = self
            .send(Method::GET, path, None, step, &[StatusCode::NOT_FOUND])
            .await?;
        Ok((answer.status != StatusCode::NOT_FOUND).then_some(answer.json))
    }

    pub(super) async fn post(
        &self,
        path: &str,
        body: Value,
        step: &str,
    ) -> Result<Value, GitHubError> {
        Ok(self
            .send(Method::POST, path, Some(&body), step, &[])
            .await?
            .json)
    }

    pub(super) async fn patch(
        &self,
        path: &str,
        body: Value,
        step: &str,
    ) -> Result<Value, GitHubError> {
        Ok(self
            .send(Method::PATCH, path, Some(&body), step, &[])
            .await?
            .json)
    }
}

/// The JSON of a successful answer; `null` for an empty body.
fn answer_json(text: &str, step: &str) -> Result<Value, GitHubError> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text).map_err(|error| GitHubError::Unexpected {
        step: step.to_string(),
        message: error.to_string(),
    })
}

/// The error for a status GitHub refused `step` with, quoting its message.
fn refusal(status: StatusCode, text: &str, step: &str) -> GitHubError {
    let message = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|json| {
            json.get("message")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_else(|| text.chars().take(200).collect());
    match status.as_u16() {
        401 => GitHubError::Unauthorized,
        403 => GitHubError::Forbidden {
            step: step.to_string(),
            message,
        },
        404 => GitHubError::NotFound {
            what: format!("cannot {step}: not found"),
        },
        422 => GitHubError::Unprocessable {
            step: step.to_string(),
            message,
        },
        _ => GitHubError::Server {
            step: step.to_string(),
            status: status.to_string(),
        },
    }
}

/// How long GitHub asks to wait before retrying, when it says so.
fn rate_limit_wait<B>(response: &http::Response<B>) -> Option<Duration> {
    let status = response.status();
    if status != StatusCode::FORBIDDEN && status != StatusCode::TOO_MANY_REQUESTS {
        return None;
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok())
    };
    if let Some(seconds) = header("retry-after") {
        return Some(Duration::from_secs(seconds).min(MAX_RATE_LIMIT_WAIT));
    }
    if header("x-ratelimit-remaining") == Some(0) {
        let reset = header("x-ratelimit-reset")?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        return Some(
            Duration::from_secs(reset.saturating_sub(now).max(1)).min(MAX_RATE_LIMIT_WAIT),
        );
    }
    None
}

pub(super) fn field<'a>(
    value: &'a Value,
    pointer: &str,
    step: &str,
) -> Result<&'a str, GitHubError> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .ok_or_else(|| GitHubError::Unexpected {
            step: step.to_string(),
            message: format!("no `{pointer}` in the answer"),
        })
}

/// What a URL path segment or query value escapes: all but RFC 3986's unreserved.
const ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub(super) fn encode_path(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, ESCAPED).to_string()
}

/// `heads/<branch>` for the ref endpoints, each segment escaped.
pub(super) fn head_ref(branch: &str) -> String {
    let segments: Vec<String> = branch.split('/').map(encode_path).collect();
    format!("heads/{}", segments.join("/"))
}
