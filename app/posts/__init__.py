"""Term posts for vice-principals: 挂职 at a rural host, 轮岗 at an urban host."""
