mask = 0b10201
