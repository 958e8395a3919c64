-- the order in which the probe consumer first handled each event (it handles one message at a time)
alter table probe_received add column arrival bigserial;
