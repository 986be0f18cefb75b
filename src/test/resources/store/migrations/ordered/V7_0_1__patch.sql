-- fixture: 7.0.1 sorts below 8.0
SELECT 1;
