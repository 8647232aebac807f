import TrappeCore
