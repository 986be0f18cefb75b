-- The county a rejected row names (as read, possibly invalid), so each sub-bureau sees the rejects of its counties.
ALTER TABLE rejected_row ADD COLUMN county_code VARCHAR(64) DEFAULT '' NOT NULL;
