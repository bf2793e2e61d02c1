"""Messages of the root channel."""

from typing import Any, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, StrictBool, StrictFloat, StrictStr


class AccountsChanged(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type"})
    type: Literal["accounts_changed"] | None = None


class AttachmentFieldsItem(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"title", "value", "short"}
    )
    title: StrictStr | None = None
    value: StrictStr | None = None
    short: StrictBool | None = None


class Attachment(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {
            "fallback",
            "color",
            "pretext",
            "author_name",
            "author_link",
            "author_icon",
            "title",
            "title_link",
            "text",
            "fields",
            "image_url",
            "thumb_url",
            "footer",
            "footer_icon",
            "ts",
        }
    )
    fallback: StrictStr | None = None
    color: StrictStr | None = None
    pretext: StrictStr | None = None
    author_name: StrictStr | None = None
    author_link: StrictStr | None = None
    author_icon: StrictStr | None = None
    title: StrictStr | None = None
    title_link: StrictStr | None = None
    text: StrictStr | None = None
    fields: list[AttachmentFieldsItem] | None = None
    image_url: StrictStr | None = None
    thumb_url: StrictStr | None = None
    footer: StrictStr | None = None
    footer_icon: StrictStr | None = None
    ts: StrictFloat | None = None


class BotAddedBot(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"id", "app_id", "name", "icons"}
    )
    id: StrictStr | None = None
    app_id: StrictStr | None = None
    name: StrictStr | None = None
    icons: dict[str, StrictStr] | None = None


class BotAdded(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "bot"})
    type: Literal["bot_added"] | None = None
    bot: BotAddedBot | None = None


class BotChangedBot(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"id", "app_id", "name", "icons"}
    )
    id: StrictStr | None = None
    app_id: StrictStr | None = None
    name: StrictStr | None = None
    icons: dict[str, StrictStr] | None = None


class BotChanged(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "bot"})
    type: Literal["bot_added"] | None = None
    bot: BotChangedBot | None = None


class ChannelArchive(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "channel", "user"}
    )
    type: Literal["channel_archive"] | None = None
    channel: StrictStr | None = None
    user: StrictStr | None = None


class ChannelCreatedChannel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"id", "name", "created", "creator"}
    )
    id: StrictStr | None = None
    name: StrictStr | None = None
    created: StrictFloat | None = None
    creator: StrictStr | None = None


class ChannelCreated(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["channel_created"] | None = None
    channel: ChannelCreatedChannel | None = None


class ChannelDeleted(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["channel_deleted"] | None = None
    channel: StrictStr | None = None


class ChannelHistoryChanged(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "latest", "ts", "event_ts"}
    )
    type: Literal["channel_history_changed"] | None = None
    latest: StrictStr | None = None
    ts: StrictStr | None = None
    event_ts: StrictStr | None = None


class ChannelJoinedChannel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"id", "name", "created", "creator"}
    )
    id: StrictStr | None = None
    name: StrictStr | None = None
    created: StrictFloat | None = None
    creator: StrictStr | None = None


class ChannelJoined(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["channel_joined"] | None = None
    channel: ChannelJoinedChannel | None = None


class ChannelLeft(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["channel_left"] | None = None
    channel: StrictStr | None = None


class ChannelMarked(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel", "ts"})
    type: Literal["channel_marked"] | None = None
    channel: StrictStr | None = None
    ts: StrictStr | None = None


class ChannelRenameChannel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id", "name", "created"})
    id: StrictStr | None = None
    name: StrictStr | None = None
    created: StrictFloat | None = None


class ChannelRename(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["channel_rename"] | None = None
    channel: ChannelRenameChannel | None = None


class ChannelUnarchive(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "channel", "user"}
    )
    type: Literal["channel_unarchive"] | None = None
    channel: StrictStr | None = None
    user: StrictStr | None = None


class CommandsChanged(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "event_ts"})
    type: Literal["commands_changed"] | None = None
    event_ts: StrictStr | None = None


class ConnectionErrorError(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"code", "msg"})
    code: StrictFloat | None = None
    msg: StrictStr | None = None


class ConnectionErrorModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "error"})
    type: Literal["error"] | None = None
    error: ConnectionErrorError | None = None


class DndUpdatedDndStatus(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {
            "dnd_enabled",
            "next_dnd_start_ts",
            "next_dnd_end_ts",
            "snooze_enabled",
            "snooze_endtime",
        }
    )
    dnd_enabled: StrictBool | None = None
    next_dnd_start_ts: StrictFloat | None = None
    next_dnd_end_ts: StrictFloat | None = None
    snooze_enabled: StrictBool | None = None
    snooze_endtime: StrictFloat | None = None


class DndUpdated(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "user", "dnd_status"}
    )
    type: Literal["dnd_updated"] | None = None
    user: StrictStr | None = None
    dnd_status: DndUpdatedDndStatus | None = None


class DndUpdatedUserDndStatus(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"dnd_enabled", "next_dnd_start_ts", "next_dnd_end_ts"}
    )
    dnd_enabled: StrictBool | None = None
    next_dnd_start_ts: StrictFloat | None = None
    next_dnd_end_ts: StrictFloat | None = None


class DndUpdatedUser(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "user", "dnd_status"}
    )
    type: Literal["dnd_updated_user"] | None = None
    user: StrictStr | None = None
    dnd_status: DndUpdatedUserDndStatus | None = None


class EmailDomainChanged(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "email_domain", "event_ts"}
    )
    type: Literal["email_domain_changed"] | None = None
    email_domain: StrictStr | None = None
    event_ts: StrictStr | None = None


class EmojiAdded(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "subtype", "name", "value", "event_ts"}
    )
    type: Literal["emoji_changed"] | None = None
    subtype: Literal["add"] | None = None
    name: StrictStr | None = None
    value: StrictStr | None = None
    event_ts: StrictStr | None = None


class EmojiRemoved(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "subtype", "names", "event_ts"}
    )
    type: Literal["emoji_changed"] | None = None
    subtype: Literal["remove"] | None = None
    names: list[StrictStr] | None = None
    event_ts: StrictStr | None = None


class FileChangeFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FileChange(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "file"}
    )
    type: Literal["file_change"] | None = None
    file_id: StrictStr | None = None
    file: FileChangeFile | None = None


class FileCommentAddedFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FileCommentAdded(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "file"}
    )
    type: Literal["file_comment_added"] | None = None
    comment: Any = None
    file_id: StrictStr | None = None
    file: FileCommentAddedFile | None = None


class FileCommentDeletedFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FileCommentDeleted(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "comment", "file_id", "file"}
    )
    type: Literal["file_comment_deleted"] | None = None
    comment: StrictStr | None = None
    file_id: StrictStr | None = None
    file: FileCommentDeletedFile | None = None


class FileCommentEditedFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FileCommentEdited(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "file"}
    )
    type: Literal["file_comment_edited"] | None = None
    comment: Any = None
    file_id: StrictStr | None = None
    file: FileCommentEditedFile | None = None


class FileCreatedFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FileCreated(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "file"}
    )
    type: Literal["file_created"] | None = None
    file_id: StrictStr | None = None
    file: FileCreatedFile | None = None


class FileDeleted(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "event_ts"}
    )
    type: Literal["file_deleted"] | None = None
    file_id: StrictStr | None = None
    event_ts: StrictStr | None = None


class FilePublicFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FilePublic(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "file"}
    )
    type: Literal["file_public"] | None = None
    file_id: StrictStr | None = None
    file: FilePublicFile | None = None


class FileSharedFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FileShared(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "file"}
    )
    type: Literal["file_shared"] | None = None
    file_id: StrictStr | None = None
    file: FileSharedFile | None = None


class FileUnsharedFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id"})
    id: StrictStr | None = None


class FileUnshared(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "file_id", "file"}
    )
    type: Literal["file_unshared"] | None = None
    file_id: StrictStr | None = None
    file: FileUnsharedFile | None = None


class Goodbye(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type"})
    type: Literal["goodbye"] | None = None


class GroupArchive(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["group_archive"] | None = None
    channel: StrictStr | None = None


class GroupClose(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "user", "channel"}
    )
    type: Literal["group_close"] | None = None
    user: StrictStr | None = None
    channel: StrictStr | None = None


class GroupHistoryChanged(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "latest", "ts", "event_ts"}
    )
    type: Literal["group_history_changed"] | None = None
    latest: StrictStr | None = None
    ts: StrictStr | None = None
    event_ts: StrictStr | None = None


class GroupJoinedChannel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"id", "name", "created", "creator"}
    )
    id: StrictStr | None = None
    name: StrictStr | None = None
    created: StrictFloat | None = None
    creator: StrictStr | None = None


class GroupJoined(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["group_joined"] | None = None
    channel: GroupJoinedChannel | None = None


class GroupLeft(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["group_left"] | None = None
    channel: StrictStr | None = None


class GroupMarked(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel", "ts"})
    type: Literal["group_marked"] | None = None
    channel: StrictStr | None = None
    ts: StrictStr | None = None


class GroupOpen(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "user", "channel"}
    )
    type: Literal["group_open"] | None = None
    user: StrictStr | None = None
    channel: StrictStr | None = None


class GroupRenameChannel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"id", "name", "created"})
    id: StrictStr | None = None
    name: StrictStr | None = None
    created: StrictFloat | None = None


class GroupRename(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel"})
    type: Literal["group_rename"] | None = None
    channel: GroupRenameChannel | None = None


class GroupUnarchive(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "channel", "user"}
    )
    type: Literal["group_unarchive"] | None = None
    channel: StrictStr | None = None
    user: StrictStr | None = None


class Hello(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type"})
    type: Literal["hello"] | None = None


class ImClose(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "channel", "user"}
    )
    type: Literal["im_close"] | None = None
    channel: StrictStr | None = None
    user: StrictStr | None = None


class ImCreatedChannel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"id", "name", "created", "creator"}
    )
    id: StrictStr | None = None
    name: StrictStr | None = None
    created: StrictFloat | None = None
    creator: StrictStr | None = None


class ImCreated(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "channel", "user"}
    )
    type: Literal["im_created"] | None = None
    channel: ImCreatedChannel | None = None
    user: StrictStr | None = None


class ImMarked(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "channel", "ts"})
    type: Literal["im_marked"] | None = None
    channel: StrictStr | None = None
    ts: StrictStr | None = None


class ImOpen(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "channel", "user"}
    )
    type: Literal["im_open"] | None = None
    channel: StrictStr | None = None
    user: StrictStr | None = None


class ManualPresenceChange(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"type", "presence"})
    type: Literal["manual_presence_change"] | None = None
    presence: StrictStr | None = None


class MemberJoinedChannel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "user", "channel", "channel_type", "team", "inviter"}
    )
    type: Literal["member_joined_channel"] | None = None
    user: StrictStr | None = None
    channel: StrictStr | None = None
    channel_type: Literal["C", "G"] | None = None
    team: StrictStr | None = None
    inviter: StrictStr | None = None


class MessageEdited(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset({"user", "ts"})
    user: StrictStr | None = None
    ts: StrictStr | None = None


class Message(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"type", "user", "channel", "text", "ts", "attachments", "edited"}
    )
    type: Literal["message"] | None = None
    user: StrictStr | None = None
    channel: StrictStr | None = None
    text: StrictStr | None = None
    ts: StrictStr | None = None
    attachments: list[Attachment] | None = None
    edited: MessageEdited | None = None


class OutgoingMessageModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    __chanx_omit_none__: ClassVar[frozenset[str]] = frozenset(
        {"id", "type", "channel", "text"}
    )
    id: StrictFloat | None = None
    type: Literal["message"] | None = None
    channel: StrictStr | None = None
    text: StrictStr | None = None


IncomingMessage: TypeAlias = (
    AccountsChanged
    | BotAdded
    | BotChanged
    | ChannelArchive
    | ChannelCreated
    | ChannelDeleted
    | ChannelHistoryChanged
    | ChannelJoined
    | ChannelLeft
    | ChannelMarked
    | ChannelRename
    | ChannelUnarchive
    | CommandsChanged
    | ConnectionErrorModel
    | DndUpdated
    | DndUpdatedUser
    | EmailDomainChanged
    | EmojiAdded
    | EmojiRemoved
    | FileChange
    | FileCommentAdded
    | FileCommentDeleted
    | FileCommentEdited
    | FileCreated
    | FileDeleted
    | FilePublic
    | FileShared
    | FileUnshared
    | Goodbye
    | GroupArchive
    | GroupClose
    | GroupHistoryChanged
    | GroupJoined
    | GroupLeft
    | GroupMarked
    | GroupOpen
    | GroupRename
    | GroupUnarchive
    | Hello
    | ImClose
    | ImCreated
    | ImMarked
    | ImOpen
    | ManualPresenceChange
    | MemberJoinedChannel
    | Message
)
OutgoingMessage: TypeAlias = OutgoingMessageModel

__all__ = [
    "AccountsChanged",
    "Attachment",
    "AttachmentFieldsItem",
    "BotAdded",
    "BotAddedBot",
    "BotChanged",
    "BotChangedBot",
    "ChannelArchive",
    "ChannelCreated",
    "ChannelCreatedChannel",
    "ChannelDeleted",
    "ChannelHistoryChanged",
    "ChannelJoined",
    "ChannelJoinedChannel",
    "ChannelLeft",
    "ChannelMarked",
    "ChannelRename",
    "ChannelRenameChannel",
    "ChannelUnarchive",
    "CommandsChanged",
    "ConnectionErrorError",
    "ConnectionErrorModel",
    "DndUpdated",
    "DndUpdatedDndStatus",
    "DndUpdatedUser",
    "DndUpdatedUserDndStatus",
    "EmailDomainChanged",
    "EmojiAdded",
    "EmojiRemoved",
    "FileChange",
    "FileChangeFile",
    "FileCommentAdded",
    "FileCommentAddedFile",
    "FileCommentDeleted",
    "FileCommentDeletedFile",
    "FileCommentEdited",
    "FileCommentEditedFile",
    "FileCreated",
    "FileCreatedFile",
    "FileDeleted",
    "FilePublic",
    "FilePublicFile",
    "FileShared",
    "FileSharedFile",
    "FileUnshared",
    "FileUnsharedFile",
    "Goodbye",
    "GroupArchive",
    "GroupClose",
    "GroupHistoryChanged",
    "GroupJoined",
    "GroupJoinedChannel",
    "GroupLeft",
    "GroupMarked",
    "GroupOpen",
    "GroupRename",
    "GroupRenameChannel",
    "GroupUnarchive",
    "Hello",
    "ImClose",
    "ImCreated",
    "ImCreatedChannel",
    "ImMarked",
    "ImOpen",
    "IncomingMessage",
    "ManualPresenceChange",
    "MemberJoinedChannel",
    "Message",
    "MessageEdited",
    "OutgoingMessage",
    "OutgoingMessageModel",
]
