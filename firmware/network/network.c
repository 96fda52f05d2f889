/*
 * An ahead-of-time compiled network (network/model.c and network/model.h, as the compiler wrote them) under other names,
 * so that a board model that runs more than the network (firmware/frontend/keyword_model.c, firmware/servo/face_model.c)
 * can be the board's tinyml_model_* and call the network as tinyml_network_*. The quoted include in network/model.c
 * finds network/model.h, the network's own header, beside it.
 */
#define tinyml_model_input tinyml_network_input
#define tinyml_model_output tinyml_network_output
#define tinyml_model_invoke tinyml_network_invoke

#include "network/model.c"
