"""Schools and teaching points (教学点, 村小, 中心校, 初中, 城区学校)."""
