"""The end-to-end test server on FastAPI: `uvicorn fastapi_app:app`."""

from chanx.fast_channels import asyncapi_spec_json, asyncapi_spec_yaml
from chanx.fast_channels.type_defs import AsyncAPIConfig
from chanx.fast_channels.websocket import AsyncJsonWebsocketConsumer
from fast_channels.layers import InMemoryChannelLayer, has_layers, register_channel_layer
from fastapi import FastAPI
from fastapi.requests import Request
from fastapi.responses import JSONResponse, Response
from starlette.routing import WebSocketRoute

from chat_api import ROUTES, build_consumers
from topics_api import build_hub

if not has_layers():
    register_channel_layer("default", InMemoryChannelLayer())


class FastAPIConsumer(AsyncJsonWebsocketConsumer):
    channel_layer_alias = "default"


consumers = build_consumers(FastAPIConsumer)
config = AsyncAPIConfig(title="Chanx test server (FastAPI)", description="Served by the end-to-end tests", version="1.0.0")
app = FastAPI()


@app.get("/asyncapi.json")
async def asyncapi_json(request: Request) -> JSONResponse:
    return await asyncapi_spec_json(request=request, app=app, config=config)


@app.get("/asyncapi.yaml")
async def asyncapi_yaml(request: Request) -> Response:
    return await asyncapi_spec_yaml(request=request, app=app, config=config)


for name, route in ROUTES.items():
    app.router.routes.append(WebSocketRoute(route, consumers[name].as_asgi()))
app.router.routes.append(WebSocketRoute("/ws/hub", build_hub(FastAPIConsumer).as_asgi()))
