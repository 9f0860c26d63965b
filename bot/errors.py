"""The one exception hierarchy of claimwatch's adapters.

    ClaimwatchError
    ├── DeliveryError            a message could not be delivered; the outbox row is retried
    │   ├── RetryLater           the platform asked us to wait (429 retry_after / Retry-After)
    │   ├── ChatGone             the bot was blocked, kicked or the channel is gone (403 ...):
    │   │                        stop delivering to that chat, say so in /status, log once
    │   ├── ChatMoved            the chat has a new id (Telegram's ChatMigrated): resend there
    │   └── MessageRejected      the platform refused this message (bad markup, too long):
    │                            retrying the same message will not help
    └── (config and feed errors live beside their modules: ConfigError, FeedError)

Adapters map their platform's errors (``telegram.error.RetryAfter``, ``Forbidden``,
``ChatMigrated``, ``slack_sdk.errors.SlackApiError``) onto these; the dispatcher in
``bot.service`` is the one place that decides what each means for the outbox.
"""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Base of every error an adapter raises on purpose."""


class DeliveryError(ClaimwatchError):
    """A message was not delivered; the outbox row stays and is retried with backoff."""


class RetryLater(DeliveryError):
    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class ChatGone(DeliveryError):
    """403 and friends: nothing more is sent to this chat until it is configured again."""


class ChatMoved(DeliveryError):
    def __init__(self, message: str, new_chat: str) -> None:
        super().__init__(message)
        self.new_chat = new_chat


class MessageRejected(DeliveryError):
    """The platform refused this very message; retrying it unchanged will not help."""
