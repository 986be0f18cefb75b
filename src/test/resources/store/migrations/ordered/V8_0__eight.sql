-- fixture
SELECT 2;
