"""The Slack adapter: Block Kit rendering, a Sender over slack_sdk, slash commands over bolt."""
