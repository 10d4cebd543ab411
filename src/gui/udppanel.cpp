#include "udppanel.h"
#include "ui_udppanel.h"
namespace NetPoke {
UdpPanel::UdpPanel(QWidget *parent) : QWidget(parent) {}
}
