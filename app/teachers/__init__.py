"""Teachers who visit: psychology (心理健康), studio (名师工作室) and backbone (骨干) teachers."""
