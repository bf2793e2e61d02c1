"""Messages of the holders channel."""

import datetime as _dt
from typing import Annotated, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from ..base.json_schema import JsonInt, JsonSchema, WholeFloatsAsInt


class AfterValidatorModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: StrictStr | None = None


class BaseModelModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: StrictStr | None = None


class ExceptionModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: StrictStr | None = None


class FieldModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: StrictStr | None = None


class Tuple(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: StrictStr | None = None


class TypeAdapterModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: StrictStr | None = None


class TypedDictModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"value"})
    value: StrictStr | None = None


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
    tuple_: JsonInt | None = Field(
        default=None, validation_alias="tuple", serialization_alias="tuple"
    )
    frozenset_: JsonInt | None = Field(
        default=None, validation_alias="frozenset", serialization_alias="frozenset"
    )
    AfterValidator_: JsonInt | None = Field(
        default=None,
        validation_alias="AfterValidator",
        serialization_alias="AfterValidator",
    )
    PlainValidator_: JsonInt | None = Field(
        default=None,
        validation_alias="PlainValidator",
        serialization_alias="PlainValidator",
    )
    TypeVar_: JsonInt | None = Field(
        default=None, validation_alias="TypeVar", serialization_alias="TypeVar"
    )
    TypedDict_: JsonInt | None = Field(
        default=None, validation_alias="TypedDict", serialization_alias="TypedDict"
    )
    register_: JsonInt | None = Field(
        default=None, validation_alias="register", serialization_alias="register"
    )
    mro_: JsonInt | None = Field(
        default=None, validation_alias="mro", serialization_alias="mro"
    )
    Field_: JsonInt | None = Field(
        default=None, validation_alias="Field", serialization_alias="Field"
    )
    Annotated_: JsonInt | None = Field(
        default=None, validation_alias="Annotated", serialization_alias="Annotated"
    )
    Literal_: JsonInt | None = Field(
        default=None, validation_alias="Literal", serialization_alias="Literal"
    )
    Any_: JsonInt | None = Field(
        default=None, validation_alias="Any", serialization_alias="Any"
    )
    ClassVar_: JsonInt | None = Field(
        default=None, validation_alias="ClassVar", serialization_alias="ClassVar"
    )
    TypeAlias_: JsonInt | None = Field(
        default=None, validation_alias="TypeAlias", serialization_alias="TypeAlias"
    )
    NoReturn_: JsonInt | None = Field(
        default=None, validation_alias="NoReturn", serialization_alias="NoReturn"
    )
    RootModel_: JsonInt | None = Field(
        default=None, validation_alias="RootModel", serialization_alias="RootModel"
    )
    BaseModel_: JsonInt | None = Field(
        default=None, validation_alias="BaseModel", serialization_alias="BaseModel"
    )
    ConfigDict_: JsonInt | None = Field(
        default=None, validation_alias="ConfigDict", serialization_alias="ConfigDict"
    )
    list_: JsonInt | None = Field(
        default=None, validation_alias="list", serialization_alias="list"
    )
    dict_: JsonInt | None = Field(
        default=None, validation_alias="dict", serialization_alias="dict"
    )
    str_: JsonInt | None = Field(
        default=None, validation_alias="str", serialization_alias="str"
    )
    int_: JsonInt | None = Field(
        default=None, validation_alias="int", serialization_alias="int"
    )
    float_: JsonInt | None = Field(
        default=None, validation_alias="float", serialization_alias="float"
    )
    bool_: JsonInt | None = Field(
        default=None, validation_alias="bool", serialization_alias="bool"
    )
    object_: JsonInt | None = Field(
        default=None, validation_alias="object", serialization_alias="object"
    )
    type: JsonInt | None = None
    match: JsonInt | None = None
    case: JsonInt | None = None
    copy_: JsonInt | None = Field(
        default=None, validation_alias="copy", serialization_alias="copy"
    )
    json_: JsonInt | None = Field(
        default=None, validation_alias="json", serialization_alias="json"
    )
    schema_: JsonInt | None = Field(
        default=None, validation_alias="schema", serialization_alias="schema"
    )
    validate_: JsonInt | None = Field(
        default=None, validation_alias="validate", serialization_alias="validate"
    )
    construct_: JsonInt | None = Field(
        default=None, validation_alias="construct", serialization_alias="construct"
    )
    field_model_config: JsonInt | None = Field(
        default=None,
        validation_alias="model_config",
        serialization_alias="model_config",
    )
    datetime: JsonInt | None = None
    date: JsonInt | None = None
    uuid: JsonInt | None = None
    stamp: _dt.datetime | None = None
    tags: (
        Annotated[
            list[StrictStr],
            JsonSchema(
                {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
            ),
        ]
        | None
    ) = None
    pair: tuple[()] | tuple[StrictStr] | tuple[StrictStr, JsonInt] | None = None
    retired: None = None
    count: Annotated[StrictInt, Field(ge=1), WholeFloatsAsInt] | None = None
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
