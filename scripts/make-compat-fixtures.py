"""Writes the document pairs of fixtures/compat: per kind of change, a
`before.json` and an `after.json` that differ by that change alone, made to
two schemas at once: Note, which the client sends (outbox), and Notice,
which it receives (inbox). tests/api_changes.rs asserts each pair's verdicts.

Usage: python scripts/make-compat-fixtures.py fixtures/compat
"""

import copy
import json
import os
import sys

out = sys.argv[1]


def schema(action, props, required):
    p = {"action": {"type": "string", "const": action}}
    p.update(copy.deepcopy(props))
    return {"type": "object", "properties": p, "required": ["action"] + required}


BASE_PROPS = {
    "text": {"type": "string"},
    "count": {"type": "integer"},
    "mood": {"type": "string", "enum": ["happy", "sad"]},
}
BASE_REQUIRED = ["text"]


def doc(
    props=BASE_PROPS,
    required=BASE_REQUIRED,
    extra_messages=False,
    extra_channel=False,
    request=False,
    topic=False,
):
    d = {
        "asyncapi": "3.0.0",
        "info": {"title": "Notes", "version": "1.0.0"},
        "channels": {
            "outbox": {
                "address": "/ws/outbox",
                "messages": {"note": {"$ref": "#/components/messages/note"}},
            },
            "inbox": {
                "address": "/ws/inbox",
                "messages": {"notice": {"$ref": "#/components/messages/notice"}},
            },
        },
        "operations": {
            # The server receives what the client sends.
            "sendNote": {
                "action": "receive",
                "channel": {"$ref": "#/channels/outbox"},
                "messages": [{"$ref": "#/channels/outbox/messages/note"}],
            },
            "receiveNotice": {
                "action": "send",
                "channel": {"$ref": "#/channels/inbox"},
                "messages": [{"$ref": "#/channels/inbox/messages/notice"}],
            },
        },
        "components": {
            "messages": {
                "note": {
                    "name": "Note",
                    "payload": {"$ref": "#/components/schemas/Note"},
                },
                "notice": {
                    "name": "Notice",
                    "payload": {"$ref": "#/components/schemas/Notice"},
                },
            },
            "schemas": {
                "Note": schema("note", props, required),
                "Notice": schema("notice", props, required),
            },
        },
    }
    c = d["components"]
    # What the server answers on the outbox, which a reply can name.
    d["channels"]["outbox"]["messages"]["receipt"] = {
        "$ref": "#/components/messages/receipt"
    }
    d["operations"]["receiveReceipt"] = {
        "action": "send",
        "channel": {"$ref": "#/channels/outbox"},
        "messages": [{"$ref": "#/channels/outbox/messages/receipt"}],
    }
    c["messages"]["receipt"] = {
        "name": "Receipt",
        "payload": {"$ref": "#/components/schemas/Receipt"},
    }
    c["schemas"]["Receipt"] = schema("receipt", {"id": {"type": "integer"}}, ["id"])
    if extra_messages:
        d["channels"]["outbox"]["messages"]["memo"] = {
            "$ref": "#/components/messages/memo"
        }
        d["channels"]["inbox"]["messages"]["alert"] = {
            "$ref": "#/components/messages/alert"
        }
        d["operations"]["sendNote"]["messages"].append(
            {"$ref": "#/channels/outbox/messages/memo"}
        )
        d["operations"]["receiveNotice"]["messages"].append(
            {"$ref": "#/channels/inbox/messages/alert"}
        )
        c["messages"]["memo"] = {
            "name": "Memo",
            "payload": {"$ref": "#/components/schemas/Memo"},
        }
        c["messages"]["alert"] = {
            "name": "Alert",
            "payload": {"$ref": "#/components/schemas/Alert"},
        }
        c["schemas"]["Memo"] = schema("memo", {"text": {"type": "string"}}, ["text"])
        c["schemas"]["Alert"] = schema("alert", {"text": {"type": "string"}}, ["text"])
    if extra_channel:
        d["channels"]["archive"] = {
            "address": "/ws/archive",
            "messages": {"notice": {"$ref": "#/components/messages/notice"}},
        }
        d["operations"]["receiveArchived"] = {
            "action": "send",
            "channel": {"$ref": "#/channels/archive"},
            "messages": [{"$ref": "#/channels/archive/messages/notice"}],
        }
    if request:
        d["operations"]["sendNote"]["reply"] = {
            "channel": {"$ref": "#/channels/outbox"},
            "messages": [{"$ref": "#/channels/outbox/messages/receipt"}],
        }
    if topic:
        d["channels"]["hub"] = {
            "address": "/ws/hub",
            "messages": {"notice": {"$ref": "#/components/messages/notice"}},
        }
        d["operations"]["receiveHub"] = {
            "action": "send",
            "channel": {"$ref": "#/channels/hub"},
            "messages": [{"$ref": "#/channels/hub/messages/notice"}],
        }
    if topic == "room":
        d["channels"]["hub_room"] = {
            "address": "/ws/hub",
            "x-topic": {
                "name": "room",
                "pattern": "room:{room_name}",
                "parameters": ["room_name"],
            },
            "messages": {"notice": {"$ref": "#/components/messages/notice"}},
        }
        d["operations"]["receiveRoom"] = {
            "action": "send",
            "channel": {"$ref": "#/channels/hub_room"},
            "messages": [{"$ref": "#/channels/hub_room/messages/notice"}],
        }
    return d


def props(**changes):
    p = copy.deepcopy(BASE_PROPS)
    for key, value in changes.items():
        key = key.replace("__", "-")
        if value is None:
            p.pop(key, None)
        else:
            p[key] = value
    return p


PAIRS = {
    # name: (what the pair shows, before, after)
    "field-added-required": (
        "a new required field: breaks what the client sends only",
        doc(),
        doc(props(author={"type": "string"}), BASE_REQUIRED + ["author"]),
    ),
    "field-added-optional": (
        "a new optional field: breaks nothing",
        doc(),
        doc(props(author={"type": "string"})),
    ),
    "field-removed": (
        "a field removed: breaks both directions",
        doc(),
        doc(props(count=None)),
    ),
    "type-narrowed": (
        "number to integer: breaks what the client sends only",
        doc(props(count={"type": "number"})),
        doc(),
    ),
    "type-widened": (
        "integer to number: breaks what the client receives only",
        doc(),
        doc(props(count={"type": "number"})),
    ),
    "constraint-narrowed": (
        "a longer maxLength made shorter: breaks what the client sends only",
        doc(props(text={"type": "string", "maxLength": 100})),
        doc(props(text={"type": "string", "maxLength": 50})),
    ),
    "enum-value-removed": (
        "an enum value removed: breaks what the client sends only",
        doc(),
        doc(props(mood={"type": "string", "enum": ["happy"]})),
    ),
    "enum-value-added": (
        "an enum value added: breaks what the client receives only",
        doc(),
        doc(props(mood={"type": "string", "enum": ["happy", "sad", "angry"]})),
    ),
    "field-now-optional": (
        "a required field made optional: breaks what the client receives only",
        doc(),
        doc(required=[]),
    ),
    "field-now-required": (
        "an optional field made required: breaks what the client sends only",
        doc(),
        doc(required=BASE_REQUIRED + ["count"]),
    ),
    "default-changed": (
        "a default changed: breaks nothing",
        doc(props(count={"type": "integer", "default": 1})),
        doc(props(count={"type": "integer", "default": 2})),
    ),
    "field-renamed": (
        "a property whose Python name collides takes the name another had: breaks both",
        doc(props(user_id={"type": "string"})),
        doc(props(user__id={"type": "string"}, user_id={"type": "string"})),
    ),
    "message-added": (
        "a message added: breaks what the client receives only",
        doc(),
        doc(extra_messages=True),
    ),
    "message-removed": (
        "a message removed: breaks both",
        doc(extra_messages=True),
        doc(),
    ),
    "channel-added": (
        "a channel added: breaks nothing",
        doc(),
        doc(extra_channel=True),
    ),
    "channel-removed": (
        "a channel removed: breaks callers",
        doc(extra_channel=True),
        doc(),
    ),
    "request-added": (
        "an operation gains a reply, so a request method: breaks nothing",
        doc(),
        doc(request=True),
    ),
    "request-removed": (
        "an operation's reply and its request method removed: breaks callers",
        doc(request=True),
        doc(),
    ),
    "topic-added": (
        "a chanx topic added to a connection: breaks nothing",
        doc(topic="hub"),
        doc(topic="room"),
    ),
    "topic-removed": (
        "a chanx topic removed from a connection: breaks callers",
        doc(topic="room"),
        doc(topic="hub"),
    ),
}

for name, (about, before, after) in PAIRS.items():
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    for label, document in (("before", before), ("after", after)):
        document = dict(document)
        document["info"] = dict(
            document["info"], description=f"{name} ({label}): {about}."
        )
        with open(os.path.join(folder, f"{label}.json"), "w") as f:
            json.dump(document, f, indent=2)
            f.write("\n")
