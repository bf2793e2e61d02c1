"""Messages of the root channel."""

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel


class AccountsChanged(BaseModel):
    type: Literal["accounts_changed"] | None = None


class AttachmentFieldsItem(BaseModel):
    title: str | None = None
    value: str | None = None
    short: bool | None = None


class Attachment(BaseModel):
    fallback: str | None = None
    color: str | None = None
    pretext: str | None = None
    author_name: str | None = None
    author_link: str | None = None
    author_icon: str | None = None
    title: str | None = None
    title_link: str | None = None
    text: str | None = None
    fields: list[AttachmentFieldsItem] | None = None
    image_url: str | None = None
    thumb_url: str | None = None
    footer: str | None = None
    footer_icon: str | None = None
    ts: float | None = None


class BotAddedBot(BaseModel):
    id: str | None = None
    app_id: str | None = None
    name: str | None = None
    icons: dict[str, str] | None = None


class BotAdded(BaseModel):
    type: Literal["bot_added"] | None = None
    bot: BotAddedBot | None = None


class BotChangedBot(BaseModel):
    id: str | None = None
    app_id: str | None = None
    name: str | None = None
    icons: dict[str, str] | None = None


class BotChanged(BaseModel):
    type: Literal["bot_added"] | None = None
    bot: BotChangedBot | None = None


class ChannelArchive(BaseModel):
    type: Literal["channel_archive"] | None = None
    channel: str | None = None
    user: str | None = None


class ChannelCreatedChannel(BaseModel):
    id: str | None = None
    name: str | None = None
    created: float | None = None
    creator: str | None = None


class ChannelCreated(BaseModel):
    type: Literal["channel_created"] | None = None
    channel: ChannelCreatedChannel | None = None


class ChannelDeleted(BaseModel):
    type: Literal["channel_deleted"] | None = None
    channel: str | None = None


class ChannelHistoryChanged(BaseModel):
    type: Literal["channel_history_changed"] | None = None
    latest: str | None = None
    ts: str | None = None
    event_ts: str | None = None


class ChannelJoinedChannel(BaseModel):
    id: str | None = None
    name: str | None = None
    created: float | None = None
    creator: str | None = None


class ChannelJoined(BaseModel):
    type: Literal["channel_joined"] | None = None
    channel: ChannelJoinedChannel | None = None


class ChannelLeft(BaseModel):
    type: Literal["channel_left"] | None = None
    channel: str | None = None


class ChannelMarked(BaseModel):
    type: Literal["channel_marked"] | None = None
    channel: str | None = None
    ts: str | None = None


class ChannelRenameChannel(BaseModel):
    id: str | None = None
    name: str | None = None
    created: float | None = None


class ChannelRename(BaseModel):
    type: Literal["channel_rename"] | None = None
    channel: ChannelRenameChannel | None = None


class ChannelUnarchive(BaseModel):
    type: Literal["channel_unarchive"] | None = None
    channel: str | None = None
    user: str | None = None


class CommandsChanged(BaseModel):
    type: Literal["commands_changed"] | None = None
    event_ts: str | None = None


class ConnectionErrorError(BaseModel):
    code: float | None = None
    msg: str | None = None


class ConnectionErrorModel(BaseModel):
    type: Literal["error"] | None = None
    error: ConnectionErrorError | None = None


class DndUpdatedDndStatus(BaseModel):
    dnd_enabled: bool | None = None
    next_dnd_start_ts: float | None = None
    next_dnd_end_ts: float | None = None
    snooze_enabled: bool | None = None
    snooze_endtime: float | None = None


class DndUpdated(BaseModel):
    type: Literal["dnd_updated"] | None = None
    user: str | None = None
    dnd_status: DndUpdatedDndStatus | None = None


class DndUpdatedUserDndStatus(BaseModel):
    dnd_enabled: bool | None = None
    next_dnd_start_ts: float | None = None
    next_dnd_end_ts: float | None = None


class DndUpdatedUser(BaseModel):
    type: Literal["dnd_updated_user"] | None = None
    user: str | None = None
    dnd_status: DndUpdatedUserDndStatus | None = None


class EmailDomainChanged(BaseModel):
    type: Literal["email_domain_changed"] | None = None
    email_domain: str | None = None
    event_ts: str | None = None


class EmojiAdded(BaseModel):
    type: Literal["emoji_changed"] | None = None
    subtype: Literal["add"] | None = None
    name: str | None = None
    value: str | None = None
    event_ts: str | None = None


class EmojiRemoved(BaseModel):
    type: Literal["emoji_changed"] | None = None
    subtype: Literal["remove"] | None = None
    names: list[str] | None = None
    event_ts: str | None = None


class FileChangeFile(BaseModel):
    id: str | None = None


class FileChange(BaseModel):
    type: Literal["file_change"] | None = None
    file_id: str | None = None
    file: FileChangeFile | None = None


class FileCommentAddedFile(BaseModel):
    id: str | None = None


class FileCommentAdded(BaseModel):
    type: Literal["file_comment_added"] | None = None
    comment: Any = None
    file_id: str | None = None
    file: FileCommentAddedFile | None = None


class FileCommentDeletedFile(BaseModel):
    id: str | None = None


class FileCommentDeleted(BaseModel):
    type: Literal["file_comment_deleted"] | None = None
    comment: str | None = None
    file_id: str | None = None
    file: FileCommentDeletedFile | None = None


class FileCommentEditedFile(BaseModel):
    id: str | None = None


class FileCommentEdited(BaseModel):
    type: Literal["file_comment_edited"] | None = None
    comment: Any = None
    file_id: str | None = None
    file: FileCommentEditedFile | None = None


class FileCreatedFile(BaseModel):
    id: str | None = None


class FileCreated(BaseModel):
    type: Literal["file_created"] | None = None
    file_id: str | None = None
    file: FileCreatedFile | None = None


class FileDeleted(BaseModel):
    type: Literal["file_deleted"] | None = None
    file_id: str | None = None
    event_ts: str | None = None


class FilePublicFile(BaseModel):
    id: str | None = None


class FilePublic(BaseModel):
    type: Literal["file_public"] | None = None
    file_id: str | None = None
    file: FilePublicFile | None = None


class FileSharedFile(BaseModel):
    id: str | None = None


class FileShared(BaseModel):
    type: Literal["file_shared"] | None = None
    file_id: str | None = None
    file: FileSharedFile | None = None


class FileUnsharedFile(BaseModel):
    id: str | None = None


class FileUnshared(BaseModel):
    type: Literal["file_unshared"] | None = None
    file_id: str | None = None
    file: FileUnsharedFile | None = None


class Goodbye(BaseModel):
    type: Literal["goodbye"] | None = None


class GroupArchive(BaseModel):
    type: Literal["group_archive"] | None = None
    channel: str | None = None


class GroupClose(BaseModel):
    type: Literal["group_close"] | None = None
    user: str | None = None
    channel: str | None = None


class GroupHistoryChanged(BaseModel):
    type: Literal["group_history_changed"] | None = None
    latest: str | None = None
    ts: str | None = None
    event_ts: str | None = None


class GroupJoinedChannel(BaseModel):
    id: str | None = None
    name: str | None = None
    created: float | None = None
    creator: str | None = None


class GroupJoined(BaseModel):
    type: Literal["group_joined"] | None = None
    channel: GroupJoinedChannel | None = None


class GroupLeft(BaseModel):
    type: Literal["group_left"] | None = None
    channel: str | None = None


class GroupMarked(BaseModel):
    type: Literal["group_marked"] | None = None
    channel: str | None = None
    ts: str | None = None


class GroupOpen(BaseModel):
    type: Literal["group_open"] | None = None
    user: str | None = None
    channel: str | None = None


class GroupRenameChannel(BaseModel):
    id: str | None = None
    name: str | None = None
    created: float | None = None


class GroupRename(BaseModel):
    type: Literal["group_rename"] | None = None
    channel: GroupRenameChannel | None = None


class GroupUnarchive(BaseModel):
    type: Literal["group_unarchive"] | None = None
    channel: str | None = None
    user: str | None = None


class Hello(BaseModel):
    type: Literal["hello"] | None = None


class ImClose(BaseModel):
    type: Literal["im_close"] | None = None
    channel: str | None = None
    user: str | None = None


class ImCreatedChannel(BaseModel):
    id: str | None = None
    name: str | None = None
    created: float | None = None
    creator: str | None = None


class ImCreated(BaseModel):
    type: Literal["im_created"] | None = None
    channel: ImCreatedChannel | None = None
    user: str | None = None


class ImMarked(BaseModel):
    type: Literal["im_marked"] | None = None
    channel: str | None = None
    ts: str | None = None


class ImOpen(BaseModel):
    type: Literal["im_open"] | None = None
    channel: str | None = None
    user: str | None = None


class ManualPresenceChange(BaseModel):
    type: Literal["manual_presence_change"] | None = None
    presence: str | None = None


class MemberJoinedChannel(BaseModel):
    type: Literal["member_joined_channel"] | None = None
    user: str | None = None
    channel: str | None = None
    channel_type: Literal["C", "G"] | None = None
    team: str | None = None
    inviter: str | None = None


class MessageEdited(BaseModel):
    user: str | None = None
    ts: str | None = None


class Message(BaseModel):
    type: Literal["message"] | None = None
    user: str | None = None
    channel: str | None = None
    text: str | None = None
    ts: str | None = None
    attachments: list[Attachment] | None = None
    edited: MessageEdited | None = None


class OutgoingMessageModel(BaseModel):
    id: float | None = None
    type: Literal["message"] | None = None
    channel: str | None = None
    text: str | None = None


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
