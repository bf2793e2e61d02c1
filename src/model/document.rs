//! Reading the document's channels: addresses and path parameters,
//! security schemes and the credentials they ask for, and `x-topic` topics.

use crate::resolve::NodeKey;
use crate::value::Value;

use super::{Builder, Channel, Credential, ModelError, Parameter, PendingChannel, Topic};

impl<'a> Builder<'a> {
    pub(super) fn channels(&mut self, root: &NodeKey) -> Result<Vec<PendingChannel>, ModelError> {
        let channels_key = root.child("channels");
        let Some(channels) = self.documents.get(&channels_key) else {
            return Ok(Vec::new());
        };
        let channels = channels
            .as_object()
            .ok_or_else(|| self.invalid(&channels_key, "`channels` must be a mapping"))?;
        let mut pending = Vec::new();
        for key in channels.keys() {
            let (source, value) = self.documents.deref(&channels_key.child(key))?;
            let object = value
                .as_object()
                .ok_or_else(|| self.invalid(&source, "a channel must be a mapping"))?;
            let string = |name: &str| {
                object
                    .get(name)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .filter(|text| !text.trim().is_empty())
            };
            let address = match object.get("address") {
                Some(Value::String(address)) => address.to_string(),
                None | Some(Value::Null) => String::new(),
                Some(_) => return Err(self.invalid(&source, "`address` must be a string")),
            };
            let parameters = match object.get("parameters") {
                Some(Value::Object(parameters)) => parameters
                    .iter()
                    .map(|(name, parameter)| Parameter {
                        name: name.to_string(),
                        description: parameter
                            .get("description")
                            .and_then(Value::as_str)
                            .map(str::to_string),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            pending.push(PendingChannel {
                channel: Channel {
                    key: key.to_string(),
                    title: string("title"),
                    address,
                    description: string("description"),
                    parameters,
                    incoming: Vec::new(),
                    outgoing: Vec::new(),
                    topic: self.topic(&source, object.get("x-topic"))?,
                    requests: Vec::new(),
                    credentials: self.binding_credentials(&source)?,
                },
                source,
            });
        }
        Ok(pending)
    }

    /// The credentials a `security` list names; schemes a WebSocket client
    /// cannot send (X.509, encryption keys, SASL) are left out.
    pub(super) fn security(&self, list: &NodeKey) -> Result<Vec<Credential>, ModelError> {
        let Some(Value::Array(items)) = self.documents.get(list) else {
            return Ok(Vec::new());
        };
        let mut credentials = Vec::new();
        for index in 0..items.len() {
            let (_, scheme) = self.documents.deref(&list.child(&index.to_string()))?;
            let text = |key: &str| scheme.get(key).and_then(Value::as_str).unwrap_or("");
            let name = text("name").to_string();
            match (
                text("type"),
                text("in"),
                text("scheme").to_ascii_lowercase().as_str(),
            ) {
                ("httpApiKey", "header", _) if !name.is_empty() => {
                    credentials.push(Credential::Header(name));
                }
                ("httpApiKey", "query", _) if !name.is_empty() => {
                    credentials.push(Credential::Query(name));
                }
                ("http", _, "bearer") | ("oauth2" | "openIdConnect", _, _) => {
                    credentials.push(Credential::Bearer);
                }
                ("http", _, "basic") | ("userPassword", _, _) => {
                    credentials.push(Credential::Basic)
                }
                _ => {}
            }
        }
        Ok(credentials)
    }

    /// The headers and query parameters a channel's `bindings.ws` names.
    fn binding_credentials(&self, channel: &NodeKey) -> Result<Vec<Credential>, ModelError> {
        let ws = channel.child("bindings").child("ws");
        let mut credentials = Vec::new();
        for (key, credential) in [
            ("headers", Credential::Header as fn(String) -> Credential),
            ("query", Credential::Query),
        ] {
            if self.documents.get(&ws.child(key)).is_none() {
                continue;
            }
            let (_, schema) = self.documents.deref(&ws.child(key))?;
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                credentials.extend(properties.keys().map(str::to_string).map(credential));
            }
        }
        Ok(credentials)
    }

    /// A channel's `x-topic`: a mapping with a `name` and a `pattern`.
    fn topic(&self, channel: &NodeKey, value: Option<&Value>) -> Result<Option<Topic>, ModelError> {
        let Some(value) = value else {
            return Ok(None);
        };
        let at = channel.child("x-topic");
        let text = |name: &str| {
            value
                .get(name)
                .and_then(Value::as_str)
                .filter(|text| !text.trim().is_empty())
                .map(str::to_string)
                .ok_or_else(|| self.invalid(&at, format!("`x-topic` needs a `{name}` string")))
        };
        let name = text("name")?;
        let pattern = text("pattern")?;
        Ok(Some(Topic {
            name,
            parameters: Topic::placeholders(&pattern),
            pattern,
        }))
    }
}
