"""Townships (乡镇): the county's subdivisions; squads are paired with them."""
