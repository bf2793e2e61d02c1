//! Resolve: every `$ref` of a document, local (`#/...`), to relative files or
//! to URLs. The files a document refers to are loaded once, up front, so
//! that resolution afterwards is a pure lookup.

use std::collections::{BTreeMap, VecDeque};
use std::fmt::{self, Write as _};

use crate::load::{self, DocumentOrigin, LoadError, LoadedDocument};
use crate::value::Value;

/// How many `$ref`s may point at one another before the chain is refused.
const MAX_REF_CHAIN: usize = 64;
/// How many documents a document and its references may span.
const MAX_DOCUMENTS: usize = 256;

/// Index of a document in [`Documents`]; the root document is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub usize);

/// Where a value sits: document and JSON pointer. Canonical, so it also
/// serves as the identity of a schema and its sort key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeKey {
    pub doc: DocId,
    pub pointer: String,
}

impl NodeKey {
    pub fn child(&self, segment: &str) -> NodeKey {
        let mut pointer = String::with_capacity(self.pointer.len() + segment.len() + 1);
        pointer.push_str(&self.pointer);
        pointer.push('/');
        push_escaped(&mut pointer, segment);
        NodeKey {
            doc: self.doc,
            pointer,
        }
    }
}

/// The root document and every document it references.
#[derive(Debug)]
pub struct Documents {
    documents: Vec<LoadedDocument>,
}

/// A `$ref` that cannot be followed.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("{at}: cannot load `$ref` target: {source}")]
    Load {
        at: NodeAddress,
        #[source]
        source: Box<LoadError>,
    },
    #[error("{at}: `$ref` {reference:?}: {message}")]
    Invalid {
        at: NodeAddress,
        reference: String,
        message: String,
    },
    #[error("{at}: `$ref` {reference:?} points at nothing")]
    Dangling { at: NodeAddress, reference: String },
    #[error("{at}: `$ref` chain longer than {MAX_REF_CHAIN} or circular")]
    Chain { at: NodeAddress },
    #[error("{at}: the document references more than {MAX_DOCUMENTS} files")]
    TooManyDocuments { at: NodeAddress },
}

/// A human-readable place: file or URL plus JSON pointer.
#[derive(Debug, Clone)]
pub struct NodeAddress {
    pub location: String,
    pub pointer: String,
}

impl fmt::Display for NodeAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.location, self.pointer)
    }
}

impl Documents {
    /// Takes the root document and loads every document it references, transitively.
    pub fn load(root: LoadedDocument, limits: &load::Limits) -> Result<Documents, ResolveError> {
        let mut documents = Documents {
            documents: vec![root],
        };
        let mut pending = VecDeque::from([DocId(0)]);
        while let Some(doc) = pending.pop_front() {
            let mut external = BTreeMap::new();
            collect_external_refs(
                &documents.documents[doc.0].value,
                &mut String::new(),
                &mut external,
            );
            for (reference, pointer) in external {
                let at = documents.address(&NodeKey {
                    doc,
                    pointer: pointer.clone(),
                });
                let target = documents
                    .location(doc)
                    .join(&reference)
                    .map_err(|message| ResolveError::Invalid {
                        at: at.clone(),
                        reference: reference.clone(),
                        message,
                    })?;
                if documents.find(&target).is_some() {
                    continue;
                }
                if documents.documents.len() >= MAX_DOCUMENTS {
                    return Err(ResolveError::TooManyDocuments { at });
                }
                let loaded = load::load(&target, limits).map_err(|source| ResolveError::Load {
                    at: at.clone(),
                    source: Box::new(source),
                })?;
                documents.documents.push(loaded);
                pending.push_back(DocId(documents.documents.len() - 1));
            }
        }
        Ok(documents)
    }

    pub fn root(&self) -> &Value {
        &self.documents[0].value
    }

    pub fn location(&self, doc: DocId) -> &DocumentOrigin {
        &self.documents[doc.0].location
    }

    pub fn address(&self, key: &NodeKey) -> NodeAddress {
        NodeAddress {
            location: self.location(key.doc).to_string(),
            pointer: key.pointer.clone(),
        }
    }

    /// The value at a source key, if it exists.
    pub fn get(&self, key: &NodeKey) -> Option<&Value> {
        self.documents[key.doc.0].value.pointer(&key.pointer)
    }

    /// Follows `$ref`s starting at `key` until a value that is not a
    /// reference; returns that value and where it lives.
    pub fn deref(&self, key: &NodeKey) -> Result<(NodeKey, &Value), ResolveError> {
        let value = self.get(key).ok_or_else(|| ResolveError::Dangling {
            at: self.address(key),
            reference: key.pointer.clone(),
        })?;
        self.deref_from(key, value)
    }

    /// [`Documents::deref`] for the value at `key` already at hand, which
    /// saves looking it up again.
    pub fn deref_from<'a>(
        &'a self,
        key: &NodeKey,
        value: &'a Value,
    ) -> Result<(NodeKey, &'a Value), ResolveError> {
        let Some(mut reference) = value.get("$ref") else {
            return Ok((key.clone(), value));
        };
        let mut key = key.clone();
        for _ in 0..MAX_REF_CHAIN {
            let (target, value) = self.follow(&key, reference)?;
            key = target;
            match value.get("$ref") {
                Some(next) => reference = next,
                None => return Ok((key, value)),
            }
        }
        Err(ResolveError::Chain {
            at: self.address(&key),
        })
    }

    /// The target of the `$ref` value found at `at`, and its value.
    pub fn follow(
        &self,
        at: &NodeKey,
        reference: &Value,
    ) -> Result<(NodeKey, &Value), ResolveError> {
        let invalid = |message: &str| ResolveError::Invalid {
            at: self.address(at),
            reference: reference.to_string(),
            message: message.to_string(),
        };
        let reference = reference
            .as_str()
            .ok_or_else(|| invalid("must be a string"))?;
        let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        let doc = if file.is_empty() {
            at.doc
        } else {
            let target = self
                .location(at.doc)
                .join(file)
                .map_err(|message| invalid(&message))?;
            self.find(&target)
                .ok_or_else(|| invalid("target document was not loaded"))?
        };
        let pointer = percent_encoding::percent_decode_str(fragment)
            .decode_utf8()
            .map_err(|_| invalid("percent-escapes do not decode to UTF-8"))?
            .into_owned();
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(invalid(
                "only JSON-pointer fragments (`#/...`) are supported",
            ));
        }
        let target = NodeKey { doc, pointer };
        match self.get(&target) {
            Some(value) => Ok((target, value)),
            None => Err(ResolveError::Dangling {
                at: self.address(at),
                reference: reference.to_string(),
            }),
        }
    }

    fn find(&self, location: &DocumentOrigin) -> Option<DocId> {
        self.documents
            .iter()
            .position(|document| &document.location == location)
            .map(DocId)
    }
}

/// Collects every `$ref` whose target is another document, with the
/// pointer of the first place it appears (for error messages). The pointer
/// is built in one buffer as the walk goes down and up, so that only the
/// places that do refer elsewhere cost an allocation; the loader's nesting
/// limit bounds the recursion.
fn collect_external_refs(value: &Value, here: &mut String, out: &mut BTreeMap<String, String>) {
    let depth = here.len();
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                let file = reference.split('#').next().unwrap_or("");
                if !file.is_empty() && !out.contains_key(file) {
                    out.insert(file.to_string(), here.clone());
                }
            }
            let foreign_schema = map
                .get("schemaFormat")
                .and_then(Value::as_str)
                .is_some_and(|format| !is_json_schema_format(format));
            for (key, child) in map {
                if !matches!(child, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                if foreign_schema && key == "schema" {
                    continue;
                }
                here.push('/');
                push_escaped(here, key);
                collect_external_refs(child, here, out);
                here.truncate(depth);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                if !matches!(child, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                write!(here, "/{index}").expect("writing to a String cannot fail");
                collect_external_refs(child, here, out);
                here.truncate(depth);
            }
        }
        _ => {}
    }
}

/// `schemaFormat`s whose schemas are JSON Schema. The schema of any other
/// format is never read, so nothing it refers to is loaded.
pub fn is_json_schema_format(format: &str) -> bool {
    let format = format.to_ascii_lowercase();
    format.starts_with("application/vnd.aai.asyncapi")
        || format.starts_with("application/schema+json")
        || format.starts_with("application/schema+yaml")
}

/// Appends a JSON-pointer segment, escaping `~` and `/`.
fn push_escaped(pointer: &mut String, segment: &str) {
    if segment.contains(['~', '/']) {
        pointer.push_str(&segment.replace('~', "~0").replace('/', "~1"));
    } else {
        pointer.push_str(segment);
    }
}
