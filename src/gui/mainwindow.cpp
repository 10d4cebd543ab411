#include "mainwindow.h"
#include "ui_mainwindow.h"
namespace NetPoke {
MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {}
}
