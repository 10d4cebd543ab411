#include "packetlogmodel.h"
