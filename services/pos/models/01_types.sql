-- pos: enumerated types.

CREATE TYPE terminal_status AS ENUM ('active', 'inactive', 'maintenance');
CREATE TYPE pos_transaction_type AS ENUM ('sale', 'refund', 'no_sale', 'void');
CREATE TYPE payment_method AS ENUM ('cash', 'card', 'contactless', 'voucher', 'mobile');
