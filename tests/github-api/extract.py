"""Extracts the operations `chanx pull-request` uses from GitHub's published
REST API description (the npm package @octokit/openapi), so that the tests
can check every request against it without the 10 MB original. Request
body schemas are turned from OpenAPI 3.0 into JSON Schema (`nullable`).

Usage: python extract.py path/to/package/generated/api.github.com.deref.json > operations.json
"""

import json
import sys

# (method, path template) of every request the tool makes.
USED = [
    ("get", "/repos/{owner}/{repo}"),
    ("get", "/repos/{owner}/{repo}/git/ref/{ref}"),
    ("get", "/repos/{owner}/{repo}/git/commits/{commit_sha}"),
    ("get", "/repos/{owner}/{repo}/git/trees/{tree_sha}"),
    ("get", "/repos/{owner}/{repo}/git/blobs/{file_sha}"),
    ("post", "/repos/{owner}/{repo}/git/blobs"),
    ("post", "/repos/{owner}/{repo}/git/trees"),
    ("post", "/repos/{owner}/{repo}/git/commits"),
    ("post", "/repos/{owner}/{repo}/git/refs"),
    ("patch", "/repos/{owner}/{repo}/git/refs/{ref}"),
    ("delete", "/repos/{owner}/{repo}/git/refs/{ref}"),
    ("get", "/repos/{owner}/{repo}/pulls"),
    ("post", "/repos/{owner}/{repo}/pulls"),
    ("patch", "/repos/{owner}/{repo}/pulls/{pull_number}"),
    ("post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"),
    ("delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"),
]


def to_json_schema(schema):
    """OpenAPI 3.0 says `nullable: true`; JSON Schema says `type: [T, "null"]`."""
    if isinstance(schema, list):
        return [to_json_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: to_json_schema(value) for key, value in schema.items() if key not in ("nullable", "example")}
    if schema.get("nullable") and "type" in schema:
        converted["type"] = [schema["type"], "null"]
    return converted


def main() -> None:
    description = json.load(open(sys.argv[1]))
    operations = []
    for method, path in USED:
        operation = description["paths"][path][method]
        body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        operations.append(
            {
                "method": method.upper(),
                "path": path,
                "operation_id": operation["operationId"],
                "query": sorted(p["name"] for p in operation.get("parameters", []) if p["in"] == "query"),
                "request_body": to_json_schema(body),
            }
        )
    source = {"info": description["info"]["title"] + " " + description["info"]["version"], "operations": operations}
    json.dump(source, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
