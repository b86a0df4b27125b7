key = "k"
d = {key = 1}
