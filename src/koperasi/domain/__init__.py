"""Pure rules of the cooperative: money, schedules, allocation, arrears, SHU. No I/O."""
