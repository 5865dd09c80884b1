"""Terms (学期): the period posts and needs are planned for."""
