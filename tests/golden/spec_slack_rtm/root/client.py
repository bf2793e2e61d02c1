"""Client for the root channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, credential_headers
from .messages import (
    AccountsChanged,
    BotAdded,
    BotChanged,
    ChannelArchive,
    ChannelCreated,
    ChannelDeleted,
    ChannelHistoryChanged,
    ChannelJoined,
    ChannelLeft,
    ChannelMarked,
    ChannelRename,
    ChannelUnarchive,
    CommandsChanged,
    ConnectionErrorModel,
    DndUpdated,
    DndUpdatedUser,
    EmailDomainChanged,
    EmojiAdded,
    EmojiRemoved,
    FileChange,
    FileCommentAdded,
    FileCommentDeleted,
    FileCommentEdited,
    FileCreated,
    FileDeleted,
    FilePublic,
    FileShared,
    FileUnshared,
    Goodbye,
    GroupArchive,
    GroupClose,
    GroupHistoryChanged,
    GroupJoined,
    GroupLeft,
    GroupMarked,
    GroupOpen,
    GroupRename,
    GroupUnarchive,
    Hello,
    ImClose,
    ImCreated,
    ImMarked,
    ImOpen,
    IncomingMessage,
    ManualPresenceChange,
    MemberJoinedChannel,
    Message,
    OutgoingMessage,
)


class RootClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the root channel at /."""

    path = "/"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        reconnect: ReconnectPolicy | None = None,
        *,
        token: str | None = None,
    ) -> None:
        """Connect with the credentials the document asks for.

        Args:
            token: Sent as the token query parameter.
        """
        super().__init__(
            base_url,
            protocol=protocol,
            headers=credential_headers(headers, {}),
            reconnect=reconnect,
            query_params={"token": token},
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case AccountsChanged():
                await self.on_accounts_changed(message)
            case BotAdded():
                await self.on_bot_added(message)
            case BotChanged():
                await self.on_bot_changed(message)
            case ChannelArchive():
                await self.on_channel_archive(message)
            case ChannelCreated():
                await self.on_channel_created(message)
            case ChannelDeleted():
                await self.on_channel_deleted(message)
            case ChannelHistoryChanged():
                await self.on_channel_history_changed(message)
            case ChannelJoined():
                await self.on_channel_joined(message)
            case ChannelLeft():
                await self.on_channel_left(message)
            case ChannelMarked():
                await self.on_channel_marked(message)
            case ChannelRename():
                await self.on_channel_rename(message)
            case ChannelUnarchive():
                await self.on_channel_unarchive(message)
            case CommandsChanged():
                await self.on_commands_changed(message)
            case ConnectionErrorModel():
                await self.on_connection_error_model(message)
            case DndUpdated():
                await self.on_dnd_updated(message)
            case DndUpdatedUser():
                await self.on_dnd_updated_user(message)
            case EmailDomainChanged():
                await self.on_email_domain_changed(message)
            case EmojiAdded():
                await self.on_emoji_added(message)
            case EmojiRemoved():
                await self.on_emoji_removed(message)
            case FileChange():
                await self.on_file_change(message)
            case FileCommentAdded():
                await self.on_file_comment_added(message)
            case FileCommentDeleted():
                await self.on_file_comment_deleted(message)
            case FileCommentEdited():
                await self.on_file_comment_edited(message)
            case FileCreated():
                await self.on_file_created(message)
            case FileDeleted():
                await self.on_file_deleted(message)
            case FilePublic():
                await self.on_file_public(message)
            case FileShared():
                await self.on_file_shared(message)
            case FileUnshared():
                await self.on_file_unshared(message)
            case Goodbye():
                await self.on_goodbye(message)
            case GroupArchive():
                await self.on_group_archive(message)
            case GroupClose():
                await self.on_group_close(message)
            case GroupHistoryChanged():
                await self.on_group_history_changed(message)
            case GroupJoined():
                await self.on_group_joined(message)
            case GroupLeft():
                await self.on_group_left(message)
            case GroupMarked():
                await self.on_group_marked(message)
            case GroupOpen():
                await self.on_group_open(message)
            case GroupRename():
                await self.on_group_rename(message)
            case GroupUnarchive():
                await self.on_group_unarchive(message)
            case Hello():
                await self.on_hello(message)
            case ImClose():
                await self.on_im_close(message)
            case ImCreated():
                await self.on_im_created(message)
            case ImMarked():
                await self.on_im_marked(message)
            case ImOpen():
                await self.on_im_open(message)
            case ManualPresenceChange():
                await self.on_manual_presence_change(message)
            case MemberJoinedChannel():
                await self.on_member_joined_channel(message)
            case Message():
                await self.on_message(message)

    async def on_accounts_changed(self, message: AccountsChanged) -> None:
        """Handle a AccountsChanged; override this to process it."""

    async def on_bot_added(self, message: BotAdded) -> None:
        """Handle a BotAdded; override this to process it."""

    async def on_bot_changed(self, message: BotChanged) -> None:
        """Handle a BotChanged; override this to process it."""

    async def on_channel_archive(self, message: ChannelArchive) -> None:
        """Handle a ChannelArchive; override this to process it."""

    async def on_channel_created(self, message: ChannelCreated) -> None:
        """Handle a ChannelCreated; override this to process it."""

    async def on_channel_deleted(self, message: ChannelDeleted) -> None:
        """Handle a ChannelDeleted; override this to process it."""

    async def on_channel_history_changed(self, message: ChannelHistoryChanged) -> None:
        """Handle a ChannelHistoryChanged; override this to process it."""

    async def on_channel_joined(self, message: ChannelJoined) -> None:
        """Handle a ChannelJoined; override this to process it."""

    async def on_channel_left(self, message: ChannelLeft) -> None:
        """Handle a ChannelLeft; override this to process it."""

    async def on_channel_marked(self, message: ChannelMarked) -> None:
        """Handle a ChannelMarked; override this to process it."""

    async def on_channel_rename(self, message: ChannelRename) -> None:
        """Handle a ChannelRename; override this to process it."""

    async def on_channel_unarchive(self, message: ChannelUnarchive) -> None:
        """Handle a ChannelUnarchive; override this to process it."""

    async def on_commands_changed(self, message: CommandsChanged) -> None:
        """Handle a CommandsChanged; override this to process it."""

    async def on_connection_error_model(self, message: ConnectionErrorModel) -> None:
        """Handle a ConnectionErrorModel; override this to process it."""

    async def on_dnd_updated(self, message: DndUpdated) -> None:
        """Handle a DndUpdated; override this to process it."""

    async def on_dnd_updated_user(self, message: DndUpdatedUser) -> None:
        """Handle a DndUpdatedUser; override this to process it."""

    async def on_email_domain_changed(self, message: EmailDomainChanged) -> None:
        """Handle a EmailDomainChanged; override this to process it."""

    async def on_emoji_added(self, message: EmojiAdded) -> None:
        """Handle a EmojiAdded; override this to process it."""

    async def on_emoji_removed(self, message: EmojiRemoved) -> None:
        """Handle a EmojiRemoved; override this to process it."""

    async def on_file_change(self, message: FileChange) -> None:
        """Handle a FileChange; override this to process it."""

    async def on_file_comment_added(self, message: FileCommentAdded) -> None:
        """Handle a FileCommentAdded; override this to process it."""

    async def on_file_comment_deleted(self, message: FileCommentDeleted) -> None:
        """Handle a FileCommentDeleted; override this to process it."""

    async def on_file_comment_edited(self, message: FileCommentEdited) -> None:
        """Handle a FileCommentEdited; override this to process it."""

    async def on_file_created(self, message: FileCreated) -> None:
        """Handle a FileCreated; override this to process it."""

    async def on_file_deleted(self, message: FileDeleted) -> None:
        """Handle a FileDeleted; override this to process it."""

    async def on_file_public(self, message: FilePublic) -> None:
        """Handle a FilePublic; override this to process it."""

    async def on_file_shared(self, message: FileShared) -> None:
        """Handle a FileShared; override this to process it."""

    async def on_file_unshared(self, message: FileUnshared) -> None:
        """Handle a FileUnshared; override this to process it."""

    async def on_goodbye(self, message: Goodbye) -> None:
        """Handle a Goodbye; override this to process it."""

    async def on_group_archive(self, message: GroupArchive) -> None:
        """Handle a GroupArchive; override this to process it."""

    async def on_group_close(self, message: GroupClose) -> None:
        """Handle a GroupClose; override this to process it."""

    async def on_group_history_changed(self, message: GroupHistoryChanged) -> None:
        """Handle a GroupHistoryChanged; override this to process it."""

    async def on_group_joined(self, message: GroupJoined) -> None:
        """Handle a GroupJoined; override this to process it."""

    async def on_group_left(self, message: GroupLeft) -> None:
        """Handle a GroupLeft; override this to process it."""

    async def on_group_marked(self, message: GroupMarked) -> None:
        """Handle a GroupMarked; override this to process it."""

    async def on_group_open(self, message: GroupOpen) -> None:
        """Handle a GroupOpen; override this to process it."""

    async def on_group_rename(self, message: GroupRename) -> None:
        """Handle a GroupRename; override this to process it."""

    async def on_group_unarchive(self, message: GroupUnarchive) -> None:
        """Handle a GroupUnarchive; override this to process it."""

    async def on_hello(self, message: Hello) -> None:
        """Handle a Hello; override this to process it."""

    async def on_im_close(self, message: ImClose) -> None:
        """Handle a ImClose; override this to process it."""

    async def on_im_created(self, message: ImCreated) -> None:
        """Handle a ImCreated; override this to process it."""

    async def on_im_marked(self, message: ImMarked) -> None:
        """Handle a ImMarked; override this to process it."""

    async def on_im_open(self, message: ImOpen) -> None:
        """Handle a ImOpen; override this to process it."""

    async def on_manual_presence_change(self, message: ManualPresenceChange) -> None:
        """Handle a ManualPresenceChange; override this to process it."""

    async def on_member_joined_channel(self, message: MemberJoinedChannel) -> None:
        """Handle a MemberJoinedChannel; override this to process it."""

    async def on_message(self, message: Message) -> None:
        """Handle a Message; override this to process it."""
