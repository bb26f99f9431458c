-- One database per service (docker-compose only; tools/servers.sh creates the same ones locally).
CREATE DATABASE poller;
CREATE DATABASE balance;
CREATE DATABASE payment;
CREATE DATABASE notifier;
