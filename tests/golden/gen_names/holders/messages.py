"""Messages of the holders channel."""

import datetime as _dt
from typing import Annotated, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field

from ..base.json_schema import JsonSchema


class AfterValidatorModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: str | None = None


class BaseModelModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: str | None = None


class ExceptionModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: str | None = None


class FieldModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: str | None = None


class Tuple(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: str | None = None


class TypeAdapterModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: str | None = None


class TypedDictModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: str | None = None


class Holder(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {
            "tuple_",
            "frozenset_",
            "AfterValidator_",
            "PlainValidator_",
            "TypeVar_",
            "TypedDict_",
            "register_",
            "mro_",
            "Field_",
            "Annotated_",
            "Literal_",
            "Any_",
            "ClassVar_",
            "TypeAlias_",
            "NoReturn_",
            "RootModel_",
            "BaseModel_",
            "ConfigDict_",
            "list_",
            "dict_",
            "str_",
            "int_",
            "float_",
            "bool_",
            "object_",
            "type",
            "match",
            "case",
            "copy_",
            "json_",
            "schema_",
            "validate_",
            "construct_",
            "field_model_config",
            "datetime",
            "date",
            "uuid",
            "stamp",
            "tags",
            "pair",
            "retired",
            "count",
            "kind",
            "tuple_model",
            "validator_model",
            "typed_dict_model",
            "field_model",
            "exception_model",
            "base_model",
            "adapter_model",
        }
    )
    action: Literal["hold"]
    tuple_: int | None = Field(
        default=None, validation_alias="tuple", serialization_alias="tuple"
    )
    frozenset_: int | None = Field(
        default=None, validation_alias="frozenset", serialization_alias="frozenset"
    )
    AfterValidator_: int | None = Field(
        default=None,
        validation_alias="AfterValidator",
        serialization_alias="AfterValidator",
    )
    PlainValidator_: int | None = Field(
        default=None,
        validation_alias="PlainValidator",
        serialization_alias="PlainValidator",
    )
    TypeVar_: int | None = Field(
        default=None, validation_alias="TypeVar", serialization_alias="TypeVar"
    )
    TypedDict_: int | None = Field(
        default=None, validation_alias="TypedDict", serialization_alias="TypedDict"
    )
    register_: int | None = Field(
        default=None, validation_alias="register", serialization_alias="register"
    )
    mro_: int | None = Field(
        default=None, validation_alias="mro", serialization_alias="mro"
    )
    Field_: int | None = Field(
        default=None, validation_alias="Field", serialization_alias="Field"
    )
    Annotated_: int | None = Field(
        default=None, validation_alias="Annotated", serialization_alias="Annotated"
    )
    Literal_: int | None = Field(
        default=None, validation_alias="Literal", serialization_alias="Literal"
    )
    Any_: int | None = Field(
        default=None, validation_alias="Any", serialization_alias="Any"
    )
    ClassVar_: int | None = Field(
        default=None, validation_alias="ClassVar", serialization_alias="ClassVar"
    )
    TypeAlias_: int | None = Field(
        default=None, validation_alias="TypeAlias", serialization_alias="TypeAlias"
    )
    NoReturn_: int | None = Field(
        default=None, validation_alias="NoReturn", serialization_alias="NoReturn"
    )
    RootModel_: int | None = Field(
        default=None, validation_alias="RootModel", serialization_alias="RootModel"
    )
    BaseModel_: int | None = Field(
        default=None, validation_alias="BaseModel", serialization_alias="BaseModel"
    )
    ConfigDict_: int | None = Field(
        default=None, validation_alias="ConfigDict", serialization_alias="ConfigDict"
    )
    list_: int | None = Field(
        default=None, validation_alias="list", serialization_alias="list"
    )
    dict_: int | None = Field(
        default=None, validation_alias="dict", serialization_alias="dict"
    )
    str_: int | None = Field(
        default=None, validation_alias="str", serialization_alias="str"
    )
    int_: int | None = Field(
        default=None, validation_alias="int", serialization_alias="int"
    )
    float_: int | None = Field(
        default=None, validation_alias="float", serialization_alias="float"
    )
    bool_: int | None = Field(
        default=None, validation_alias="bool", serialization_alias="bool"
    )
    object_: int | None = Field(
        default=None, validation_alias="object", serialization_alias="object"
    )
    type: int | None = None
    match: int | None = None
    case: int | None = None
    copy_: int | None = Field(
        default=None, validation_alias="copy", serialization_alias="copy"
    )
    json_: int | None = Field(
        default=None, validation_alias="json", serialization_alias="json"
    )
    schema_: int | None = Field(
        default=None, validation_alias="schema", serialization_alias="schema"
    )
    validate_: int | None = Field(
        default=None, validation_alias="validate", serialization_alias="validate"
    )
    construct_: int | None = Field(
        default=None, validation_alias="construct", serialization_alias="construct"
    )
    field_model_config: int | None = Field(
        default=None,
        validation_alias="model_config",
        serialization_alias="model_config",
    )
    datetime: int | None = None
    date: int | None = None
    uuid: int | None = None
    stamp: _dt.datetime | None = None
    tags: (
        Annotated[
            list[str],
            JsonSchema(
                {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
            ),
        ]
        | None
    ) = None
    pair: tuple[()] | tuple[str] | tuple[str, int] | None = None
    retired: None = None
    count: Annotated[int, Field(ge=1)] | None = None
    kind: Literal["a", "b"] | None = None
    tuple_model: Tuple | None = None
    validator_model: AfterValidatorModel | None = None
    typed_dict_model: TypedDictModel | None = None
    field_model: FieldModel | None = None
    exception_model: ExceptionModel | None = None
    base_model: BaseModelModel | None = None
    adapter_model: TypeAdapterModel | None = None


IncomingMessage: TypeAlias = Holder
OutgoingMessage: TypeAlias = Holder

__all__ = [
    "AfterValidatorModel",
    "BaseModelModel",
    "ExceptionModel",
    "FieldModel",
    "Holder",
    "IncomingMessage",
    "OutgoingMessage",
    "Tuple",
    "TypeAdapterModel",
    "TypedDictModel",
]
