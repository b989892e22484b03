-- notification: enumerated types.

CREATE TYPE notification_channel AS ENUM ('email', 'sms', 'push', 'in_app', 'whatsapp');
CREATE TYPE notification_status AS ENUM ('queued', 'sending', 'sent', 'failed', 'canceled');
CREATE TYPE delivery_outcome AS ENUM ('delivered', 'bounced', 'rejected', 'timeout', 'error');
