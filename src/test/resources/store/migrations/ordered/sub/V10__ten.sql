-- fixture in a subfolder, with a byte order mark: 10 sorts above 8.0 (numbers, not text)
SELECT 3;
