"""Writes a chanx-style AsyncAPI 3.0 document with CHANNELS channels of
MESSAGES messages each: shared ping/pong, nested payloads, an enum, optional
fields, and a path parameter on every tenth channel.

Usage: python synth.py CHANNELS MESSAGES > asyncapi.json
"""

import json
import sys


def message_schema(name: str, action: str, payload: str) -> dict:
    return {
        "description": f"The {action} message.",
        "properties": {
            "action": {"const": action, "default": action, "title": "Action", "type": "string"},
            "payload": {"$ref": f"#/components/schemas/{payload}"},
        },
        "required": ["payload"],
        "title": name,
        "type": "object",
    }


def document(channels: int, messages: int) -> dict:
    schemas: dict = {
        "PingMessage": {
            "properties": {"action": {"const": "ping", "default": "ping", "type": "string"}, "payload": {"default": None, "type": "null"}},
            "title": "PingMessage",
            "type": "object",
        },
        "PongMessage": {
            "properties": {"action": {"const": "pong", "default": "pong", "type": "string"}, "payload": {"default": None, "type": "null"}},
            "title": "PongMessage",
            "type": "object",
        },
    }
    components_messages = {
        "ping_message": {"payload": {"$ref": "#/components/schemas/PingMessage"}},
        "pong_message": {"payload": {"$ref": "#/components/schemas/PongMessage"}},
    }
    all_channels: dict = {}
    operations: dict = {}
    for channel in range(channels):
        key = f"channel_{channel}"
        prefix = f"C{channel}"
        schemas[f"{prefix}Status"] = {"enum": ["PENDING", "DELIVERED", "FAILED"], "title": f"{prefix}Status", "type": "string"}
        schemas[f"{prefix}Detail"] = {
            "properties": {
                "note": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None},
                "tags": {"items": {"type": "string"}, "type": "array", "default": []},
            },
            "title": f"{prefix}Detail",
            "type": "object",
        }
        schemas[f"{prefix}Payload"] = {
            "properties": {
                "message": {"type": "string"},
                "count": {"type": "integer", "default": 0},
                "status": {"$ref": f"#/components/schemas/{prefix}Status", "default": "PENDING"},
                "detail": {"anyOf": [{"$ref": f"#/components/schemas/{prefix}Detail"}, {"type": "null"}], "default": None},
            },
            "required": ["message"],
            "title": f"{prefix}Payload",
            "type": "object",
        }
        channel_messages = {
            "ping_message": {"$ref": "#/components/messages/ping_message"},
            "pong_message": {"$ref": "#/components/messages/pong_message"},
        }
        for number in range(max(messages - 2, 0)):
            action = f"c{channel}_m{number}"
            name = f"{prefix}M{number}Message"
            schemas[name] = message_schema(name, action, f"{prefix}Payload")
            components_messages[action] = {"payload": {"$ref": f"#/components/schemas/{name}"}}
            channel_messages[action] = {"$ref": f"#/components/messages/{action}"}
        address = f"/ws/{key}" + ("/{room}" if channel % 10 == 0 else "")
        all_channels[key] = {"address": address, "title": key, "description": f"Channel {channel}", "messages": channel_messages}
        if channel % 10 == 0:
            all_channels[key]["parameters"] = {"room": {"description": "The room"}}
        ref = f"#/channels/{key}"
        operations[f"{key}_ping"] = {
            "action": "receive",
            "channel": {"$ref": ref},
            "messages": [{"$ref": f"{ref}/messages/ping_message"}],
            "reply": {"channel": {"$ref": ref}, "messages": [{"$ref": f"{ref}/messages/pong_message"}]},
        }
        for number in range(max(messages - 2, 0)):
            action = f"c{channel}_m{number}"
            operations[f"{key}_{action}"] = {
                "action": "receive" if number % 2 == 0 else "send",
                "channel": {"$ref": ref},
                "messages": [{"$ref": f"{ref}/messages/{action}"}],
            }
    return {
        "asyncapi": "3.0.0",
        "info": {"title": f"Synthetic {channels}x{messages}", "version": "1.0.0", "description": "Benchmark input"},
        "servers": {"development": {"host": "127.0.0.1:8000", "protocol": "ws"}},
        "channels": all_channels,
        "operations": operations,
        "components": {"schemas": schemas, "messages": components_messages},
    }


if __name__ == "__main__":
    json.dump(document(int(sys.argv[1]), int(sys.argv[2])), sys.stdout)
